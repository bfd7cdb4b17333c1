package org.partnership.resources.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.messaging.inbox.PoisonEventException;
import org.partnership.resources.domain.RiskAllocationRelease;
import org.partnership.resources.service.NeedDecisionService;
import org.partnership.resources.service.ReplicaService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps the project replica (title, status, lead, accepted participants) from the project snapshot that every
 * {@code partnership.project.*.v1} and {@code partnership.participant.*.v1} event on projects.v1 carries; a partner a
 * newer snapshot no longer shows as accepted has its risk shares released (issue #19).
 */
@ApplicationScoped
public class ProjectEventConsumer {

    static final String CONSUMER = "resources-service-projects";

    private final Inbox inbox;
    private final ReplicaService replicas;
    private final Map<String, Function<CloudEvent, Uni<Void>>> handlers = new HashMap<>();

    private final NeedDecisionService decisions;

    public ProjectEventConsumer(Inbox inbox, ReplicaService replicas, NeedDecisionService decisions) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.decisions = decisions;
        ResourceEvents.PROJECT_SNAPSHOTS.forEach(type -> handlers.put(type, this::apply));
        handlers.put(ResourceEvents.PROPOSAL_DECIDED, this::decided);
    }

    /** The part of a decided proposal this service reads: a passed CHANGE_NEED is applied to the need (#21). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DecidedProposal(UUID proposalId, UUID projectId, String type, String status, NeedPayload payload) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NeedPayload(UUID needId, String needAction, String quantity) {
    }

    private Uni<Void> decided(CloudEvent event) {
        DecidedProposal d = inbox.dataAs(event, DecidedProposal.class);
        if (!"CHANGE_NEED".equals(d.type()) || !"PASSED".equals(d.status())) {
            return Uni.createFrom().voidItem();
        }
        return decisions.apply(event.id(), d);
    }

    /** The part of the project snapshot this service keeps; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectSnapshot(UUID projectId, String title, UUID leadPartnerId, String status,
                                  List<Participant> participants, Long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Participant(UUID partnerId, String role, String status) {
    }

    @Incoming("projects")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, CONSUMER, handlers);
    }

    private Uni<Void> apply(CloudEvent event) {
        ProjectSnapshot p = inbox.dataAs(event, ProjectSnapshot.class);
        if (p.projectId() == null || p.title() == null || p.leadPartnerId() == null || p.status() == null
                || p.version() == null || p.participants() == null) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type()
                    + ") lacks projectId, title, leadPartnerId, status, participants or version");
        }
        List<UUID> accepted = p.participants().stream()
                .filter(participant -> participant.partnerId() != null && "ACCEPTED".equals(participant.status()))
                .map(Participant::partnerId).toList();
        return replicas.project(p.projectId(), p.title(), p.status(), p.leadPartnerId(), accepted, p.version(), departure(event));
    }

    /** Why shares are released when this snapshot shows a partner no longer accepted. */
    static RiskAllocationRelease.Departure departure(CloudEvent event) {
        String reason = ResourceEvents.PARTICIPANT_WITHDREW.equals(event.type())
                ? "the partner withdrew from the project"
                : "the partner is no longer an accepted participant of the project";
        return new RiskAllocationRelease.Departure(reason, "projects.v1 " + event.type(), event.id(), event.correlationid());
    }
}
