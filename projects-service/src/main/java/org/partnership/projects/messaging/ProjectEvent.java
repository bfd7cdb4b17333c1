package org.partnership.projects.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.partnership.projects.domain.Project;

import java.util.List;
import java.util.UUID;

/**
 * The data of every {@code partnership.project.*.v1} and {@code partnership.participant.*.v1} event (types in
 * {@link ProjectEvents}): the project
 * snapshot after the change with every participant (the lead as LEAD/ACCEPTED) and the version the row has after
 * it; participant events also name the participant ({@code partnerId}, and {@code role} when invited).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectEvent(UUID projectId, String title, UUID leadPartnerId, String status, List<String> dimensions,
                           int requiredCoveragePercent, String governanceRule, List<ParticipantData> participants,
                           long version, UUID partnerId, String role) {

    public record ParticipantData(UUID partnerId, String role, String status) {
    }

    /** The snapshot of a flushed project (its version is the one committed with the event). */
    public static ProjectEvent of(Project p) {
        return new ProjectEvent(p.id(), p.title(), p.leadPartnerId(), p.status().name(),
                p.dimensions().stream().map(Enum::name).toList(), p.requiredCoveragePercent(), p.governanceRule().name(),
                p.participants().stream().map(x -> new ParticipantData(x.partnerId(), x.role().name(), x.status().name())).toList(),
                p.version(), null, null);
    }

    public ProjectEvent about(UUID participant, String participantRole) {
        return new ProjectEvent(projectId, title, leadPartnerId, status, dimensions, requiredCoveragePercent, governanceRule,
                participants, version, participant, participantRole);
    }
}
