package org.partnership.resources.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.resources.domain.ContributionType;
import org.partnership.resources.domain.RiskCategory;
import org.partnership.resources.domain.RiskStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Request bodies of the resources API. Quantities and amounts are decimals (send them as strings, e.g. "120.5");
 * server-owned fields (ids, status, delivered, version, timestamps) are refused as unknown fields.
 */
public final class ResourceRequests {

    private ResourceRequests() {
    }

    @Schema(name = "DeclareNeed")
    public record DeclareNeedRequest(
            @NotNull UUID projectId,
            @NotNull ContributionType type,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            @Schema(type = SchemaType.STRING, examples = "400") BigDecimal quantity,
            @NotBlank @Size(max = 40) @Schema(examples = "hours") String unit,
            @Size(max = 64) @Schema(examples = "HOUSING") String dimension,
            @Size(max = 4000) String description) {
    }

    @Schema(name = "Valuation", description = "A decimal amount (string) and an ISO 4217 currency")
    public record ValuationRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
            @Schema(type = SchemaType.STRING, examples = "1800.00") BigDecimal amount,
            @NotNull @CurrencyCode @Schema(examples = "GBP") String currency) {
    }

    @Schema(name = "Pledge")
    public record PledgeRequest(
            @NotNull UUID projectId,
            @Schema(description = "Your own partner (from the token) when absent; any other partner is a 403") UUID partnerId,
            @Schema(description = "The need it covers: same project, type and unit") UUID needId,
            @NotNull ContributionType type,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            @Schema(type = SchemaType.STRING, examples = "120") BigDecimal quantity,
            @NotBlank @Size(max = 40) @Schema(examples = "hours") String unit,
            @Valid ValuationRequest valuation,
            @Schema(examples = "2027-03-31") LocalDate dueDate,
            @Size(max = 4000) String description) {
    }

    @Schema(name = "RecordDelivery")
    public record DeliveryRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            @Schema(type = SchemaType.STRING, examples = "50") BigDecimal quantity,
            @NotNull @Schema(examples = "2026-12-15") LocalDate deliveredOn,
            @Size(max = 2000) String note,
            @Size(max = 2000) @Schema(description = "A reference to the evidence (document id, URL…)") String evidence,
            @Schema(description = "A disputed delivery of this contribution that this one corrects: the disputed one then "
                    + "no longer counts, and this one is reviewed afresh") UUID corrects) {
    }

    @Schema(name = "ReviewDelivery", description = "An optional note: why it is disputed, or what was checked")
    public record ReviewRequest(@Size(max = 2000) String note) {
    }

    @Schema(name = "Withdraw")
    public record WithdrawRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ProposeRisk")
    public record ProposeRiskRequest(
            @NotNull UUID projectId,
            @NotNull RiskCategory category,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull @Min(1) @Max(5) Integer likelihood,
            @NotNull @Min(1) @Max(5) Integer impact,
            @Size(max = 4000) String mitigation,
            @NotNull @Schema(description = "The accepted participant best able to manage it") UUID ownerPartnerId) {
    }

    @Schema(name = "RiskShare")
    public record AllocationRequest(
            @NotNull UUID partnerId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            @Schema(type = SchemaType.STRING, examples = "60") BigDecimal sharePercent) {
    }

    @Schema(name = "RiskStatusChange")
    public record RiskStatusRequest(@NotNull RiskStatus status, @Size(max = 2000) String note) {
    }
}
