package org.partnership.partners.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.partners.domain.Level;
import org.partnership.partners.domain.Sector;
import org.partnership.partners.domain.ServiceDomain;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the partners API. Server-owned fields (id, status, members, timestamps) are not accepted. */
public final class PartnerRequests {

    private PartnerRequests() {
    }

    static final String URL = "^https?://[^\\s]{1,2000}$";

    @Schema(name = "Capability", description = "Something a partner can bring; capacity and unit are optional")
    public record CapabilityRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 _-]*$", message = "letters, digits, spaces, - and _")
            @Schema(examples = "mentoring") String tag,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2)
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "40") BigDecimal capacity,
            @Size(max = 40) @Schema(examples = "hours/month") String unit) {
    }

    @Schema(name = "RegisterPartner")
    public record RegisterPartnerRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Riverside Food Bank") String name,
            @NotBlank @Size(max = 100) @Schema(examples = "Registered charity") String legalForm,
            @NotBlank @Size(max = 64) @Schema(examples = "1187654") String registrationNumber,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "ISO 3166-1 alpha-2 code, e.g. GB") @Schema(examples = "GB") String country,
            @NotNull Sector sector,
            @NotNull Level level,
            @NotEmpty @Size(max = 13) List<@NotNull ServiceDomain> serviceDomains,
            @Size(max = 50) List<@NotNull @Valid CapabilityRequest> capabilities,
            @Size(max = 4000) String description,
            @Size(max = 2000) @Pattern(regexp = URL, message = "an http(s) URL") String website,
            @Email @Size(max = 254) String contactEmail) {
    }

    /**
     * A partial update: absent (or null) fields stay as they are. Registration number and country are fixed; a
     * member's change of name, legal form or sector waits for an administrator (the partner's pendingChange).
     */
    @Schema(name = "UpdatePartner")
    public record UpdatePartnerRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String legalForm,
            Sector sector,
            Level level,
            @Size(min = 1, max = 13) List<@NotNull ServiceDomain> serviceDomains,
            @Size(max = 50) List<@NotNull @Valid CapabilityRequest> capabilities,
            @Size(max = 4000) String description,
            @Size(max = 2000) @Pattern(regexp = URL, message = "an http(s) URL") String website,
            @Email @Size(max = 254) String contactEmail) {
    }

    @Schema(name = "AddMember")
    public record AddMemberRequest(
            @NotBlank @Size(max = 254) @Schema(description = "The colleague's exact username or e-mail address; they must already have an account",
                    examples = "fiona.foodbank") String user) {
    }

    @Schema(name = "ChangeDecision")
    public record ChangeDecisionRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "Charity register shows the new name since 1 March") String reason) {
    }

    @Schema(name = "StatusChange")
    public record StatusChangeRequest(
            @NotBlank @Size(max = 2000) @Schema(examples = "Charity registration checked against the national register") String reason) {
    }
}
