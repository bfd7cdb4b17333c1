package org.partnership.projects.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.projects.domain.GovernanceRule;
import org.partnership.projects.domain.ParticipantRole;
import org.partnership.projects.domain.ServiceDomain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the projects API. Server-owned fields (id, lead, status, version, timestamps) are not accepted. */
public final class ProjectRequests {

    /** At least one non-whitespace character, line breaks allowed. */
    static final String NOT_BLANK = "\\s*\\S[\\s\\S]*";

    private ProjectRequests() {
    }

    @Schema(name = "CreateProject")
    public record CreateProjectRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Housing First Riverside") String title,
            @NotBlank @Size(max = 4000) @Schema(examples = "Move 30 people from the streets into homes with support") String purpose,
            @NotEmpty @Size(max = 13) List<@NotNull ServiceDomain> dimensions,
            @NotNull @Schema(examples = "2026-09-01") LocalDate plannedStart,
            @NotNull @Schema(examples = "2027-08-31") LocalDate plannedEnd,
            @Min(0) @Max(100) @Schema(description = "Required need coverage for launch, percent (default 100)", examples = "100")
            Integer requiredCoveragePercent,
            @Schema(description = "How the project decides (default LEAD_DECIDES; MAJORITY, CONSENSUS and CROSS_SECTOR_MAJORITY put the typed decisions to a vote)")
            GovernanceRule governanceRule) {
    }

    /**
     * A partial update: absent (or null) fields stay as they are. "Not blank" is a pattern both Java and the
     * ECMAScript regexes of JSON Schema read alike (no inline flags), so the published description stays valid.
     */
    @Schema(name = "UpdateProject")
    public record UpdateProjectRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(min = 1, max = 4000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String purpose,
            @Size(min = 1, max = 13) List<@NotNull ServiceDomain> dimensions,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            @Min(0) @Max(100) Integer requiredCoveragePercent,
            GovernanceRule governanceRule) {
    }

    @Schema(name = "Invitation")
    public record InviteRequest(
            @NotNull @Schema(examples = "a0000000-0000-4000-8000-000000000002") UUID partnerId,
            @NotNull @Schema(description = "CO_PRODUCER, FUNDER, SERVICE_PROVIDER or ADVISOR") ParticipantRole role,
            @Size(max = 2000) @Schema(examples = "Would you run the tenancy support strand?") String message) {
    }

    @Schema(name = "DeclareIndicator", description = "Send target (due at the project's planned end), or dated targets; with both, target must be the value of the target due last.")
    public record IndicatorRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "People housed") String name,
            @NotBlank @Size(max = 40) @Schema(examples = "people") String unit,
            @NotNull @Digits(integer = 15, fraction = 4) @Schema(type = SchemaType.STRING, examples = "0") BigDecimal baseline,
            @Digits(integer = 15, fraction = 4) @Schema(type = SchemaType.STRING, examples = "30",
                    description = "The final target; optional when targets are sent") BigDecimal target,
            @Size(min = 1, max = 20) @Schema(description = "Dated targets, e.g. 10 by the end of the first year and 30 by the planned end")
            List<@NotNull @Valid TargetRequest> targets) {
    }

    @Schema(name = "IndicatorTarget")
    public record TargetRequest(
            @NotNull @Digits(integer = 15, fraction = 4) @Schema(type = SchemaType.STRING, examples = "10") BigDecimal value,
            @NotNull @Schema(examples = "2027-03-31") LocalDate dueDate) {
    }

    @Schema(name = "ChangeIndicatorTargets")
    public record TargetsRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid TargetRequest> targets) {
    }

    @Schema(name = "RecordMeasurement")
    public record MeasurementRequest(
            @NotNull @Digits(integer = 15, fraction = 4) @Schema(type = SchemaType.STRING, examples = "12") BigDecimal value,
            @NotNull @PastOrPresent @Schema(examples = "2026-11-01") LocalDate measuredAt) {
    }
}
