package org.partnership.projects.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.partnership.projects.domain.Integration;
import org.partnership.projects.domain.Participant;
import org.partnership.projects.domain.Project;
import org.partnership.projects.service.IntegrationService.ProjectIntegration;

import java.util.List;
import java.util.UUID;

/** Response shapes of horizontal and vertical integration (issue #19, hole 7); rules in {@link Integration}. */
public final class IntegrationResponses {

    private IntegrationResponses() {
    }

    @Schema(name = "IntegrationPartner", description = "An accepted participant; name, sector and level from the partner registry (absent when unknown)")
    public record PartnerView(UUID partnerId, String partnerName, String sector,
                              @Schema(enumeration = {"LOCAL", "REGIONAL", "NATIONAL", "INTERNATIONAL"}) String level) {
        static PartnerView of(Integration.Member m) {
            return new PartnerView(m.partnerId(), m.name(), m.sector(), m.level());
        }
    }

    @Schema(name = "IntegrationTotal", description = "What a cell's partners contribute of one type and unit: net pledge and delivered")
    public record TotalView(String type, String unit, long contributions, @Schema(examples = "150") String pledged,
                            @Schema(examples = "20") String delivered) {
        static TotalView of(Integration.Total t) {
            return new TotalView(t.type(), t.unit(), t.count(), t.pledged().stripTrailingZeros().toPlainString(),
                    t.delivered().stripTrailingZeros().toPlainString());
        }
    }

    @Schema(name = "IntegrationCell", description = "The accepted participants of one sector that contribute to one dimension, and what they contribute")
    public record CellView(String sector, String dimension, List<PartnerView> partners, List<TotalView> contributions) {
        static CellView of(Integration.Cell c) {
            return new CellView(c.sector(), c.dimension(), c.partners().stream().map(PartnerView::of).toList(),
                    c.contributions().stream().map(TotalView::of).toList());
        }
    }

    @Schema(name = "IntegrationParticipant", description = "An accepted participant and the project's dimensions it contributes to")
    public record ParticipantView(UUID partnerId, String partnerName, String sector, String level, List<String> dimensions) {
    }

    @Schema(name = "IntegrationLevel", description = "A level of government or organisation present among the accepted participants")
    public record LevelView(@Schema(enumeration = {"LOCAL", "REGIONAL", "NATIONAL", "INTERNATIONAL"}) String level,
                            List<PartnerView> partners) {
    }

    @Schema(name = "IntegrationGap", description = "DIMENSION_UNCOVERED: no partner contributes to the dimension; DIMENSION_SINGLE_SECTOR: "
            + "its contributors all come from one sector; SINGLE_LEVEL: the accepted participants act at fewer than two levels")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GapView(@Schema(enumeration = {"DIMENSION_UNCOVERED", "DIMENSION_SINGLE_SECTOR", "SINGLE_LEVEL"}) String code,
                          @Schema(description = "The dimension (absent for SINGLE_LEVEL)") String dimension, String detail) {
        static GapView of(Integration.Gap g) {
            return new GapView(g.code(), g.dimension(), g.detail());
        }
    }

    @Schema(name = "ProjectIntegration", description = "How the project integrates across sectors and dimensions (horizontal) and "
            + "across levels (vertical). A partner contributes to a dimension when it is an accepted participant with a net pledge "
            + "above zero against a need declared for that dimension.")
    public record ProjectIntegrationView(UUID projectId, String title, String status, UUID leadPartnerId,
                                         List<String> dimensions,
                                         @Schema(description = "Sectors of the accepted participants: the matrix's rows") List<String> sectors,
                                         @Schema(description = "Every sector x dimension cell, sector by sector") List<CellView> matrix,
                                         List<ParticipantView> participants, List<LevelView> levels,
                                         @Schema(description = "Dimensions with contributors from at least two sectors") List<String> integratedDimensions,
                                         boolean horizontallyIntegrated, boolean verticallyIntegrated, List<GapView> gaps) {

        static ProjectIntegrationView of(ProjectIntegration i) {
            Project p = i.project();
            Integration.View v = i.view();
            return new ProjectIntegrationView(p.id(), p.title(), p.status().name(), p.leadPartnerId(), v.dimensions(), v.sectors(),
                    v.matrix().stream().map(CellView::of).toList(),
                    v.participants().stream().map(m -> new ParticipantView(m.partnerId(), m.name(), m.sector(), m.level(),
                            v.contributes().getOrDefault(m.partnerId(), List.of()))).toList(),
                    v.levels().stream().map(l -> new LevelView(l.level(), l.partners().stream().map(PartnerView::of).toList())).toList(),
                    v.integratedDimensions(), v.horizontallyIntegrated(), v.verticallyIntegrated(),
                    v.gaps().stream().map(GapView::of).toList());
        }
    }

    @Schema(name = "PortfolioProject", description = "One project of the organisation's portfolio and how it integrates")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PortfolioItemView(UUID projectId, String title, String status,
                                    @Schema(description = "The organisation's role in the project") String role,
                                    List<String> dimensions, List<String> sectors,
                                    @Schema(description = "The levels present, closest first") List<String> levels,
                                    List<String> integratedDimensions, boolean horizontallyIntegrated,
                                    boolean verticallyIntegrated, List<GapView> gaps) {

        static PortfolioItemView of(ProjectIntegration i, UUID partner) {
            Project p = i.project();
            Integration.View v = i.view();
            String role = p.participants().stream().filter(x -> x.partnerId().equals(partner)).map(Participant::role)
                    .map(Enum::name).findFirst().orElse(null);
            return new PortfolioItemView(p.id(), p.title(), p.status().name(), role, v.dimensions(), v.sectors(),
                    v.levels().stream().map(Integration.Level::level).toList(), v.integratedDimensions(),
                    v.horizontallyIntegrated(), v.verticallyIntegrated(), v.gaps().stream().map(GapView::of).toList());
        }
    }

    @Schema(name = "PortfolioPage")
    public record PortfolioPage(List<PortfolioItemView> items,
                                @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }
}
