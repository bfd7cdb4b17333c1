package org.partnership.notifications.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.messaging.inbox.PoisonEventException;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.repository.Proposals;
import org.partnership.notifications.repository.Replicas;
import org.partnership.notifications.service.Notifier;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * projects.v1: the project replica (title, lead, accepted participants) from every project snapshot; an invitation
 * to the invited partner's members; an answer to the lead's members; an opened proposal to the other participants'
 * members and a decided or expired one to all participants' members. Open proposals, their deadlines and who voted
 * are kept for {@link org.partnership.notifications.service.ProposalReminderJob}.
 */
@ApplicationScoped
public class ProjectEventConsumer {

    public static final String CONSUMER = "notifications-projects";

    private final Inbox inbox;
    private final Replicas replicas;
    private final Proposals proposals;
    private final Notifier notifier;
    private final Map<String, Function<CloudEvent, Uni<Void>>> handlers = new HashMap<>();

    public ProjectEventConsumer(Inbox inbox, Replicas replicas, Proposals proposals, Notifier notifier) {
        this.inbox = inbox;
        this.proposals = proposals;
        this.replicas = replicas;
        this.notifier = notifier;
        for (String type : List.of("project.created", "project.updated", "project.opened", "project.launched",
                "project.completed", "project.cancelled", "participant.withdrew")) {
            handlers.put("partnership." + type + ".v1", this::snapshot);
        }
        handlers.put("partnership.participant.invited.v1", event -> snapshot(event).chain(() -> invited(event)));
        handlers.put("partnership.participant.accepted.v1", event -> snapshot(event).chain(() -> answered(event, "ACCEPTED")));
        handlers.put("partnership.participant.declined.v1", event -> snapshot(event).chain(() -> answered(event, "DECLINED")));
        handlers.put("partnership.proposal.opened.v1", event -> proposal(event, Kind.PROPOSAL_OPENED)
                .chain(() -> proposals.opened(Events.uuid(event, "proposalId"), Events.uuid(event, "projectId"),
                        Events.text(event, "title"), deadline(event))));
        handlers.put("partnership.proposal.voted.v1", this::voted);
        handlers.put("partnership.proposal.decided.v1", event -> proposal(event, Kind.PROPOSAL_DECIDED).chain(() -> closed(event)));
        handlers.put("partnership.proposal.expired.v1", event -> proposal(event, Kind.PROPOSAL_DECIDED).chain(() -> closed(event)));
    }

    @Incoming("projects")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, CONSUMER, handlers);
    }

    private Uni<Void> snapshot(CloudEvent event) {
        JsonNode data = event.data();
        UUID id = Events.uuid(event, "projectId");
        UUID lead = Events.uuid(event, "leadPartnerId");
        if (!data.path("version").canConvertToLong()) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") lacks version");
        }
        List<UUID> accepted = new ArrayList<>();
        data.path("participants").forEach(p -> {
            if ("ACCEPTED".equals(p.path("status").asText())) {
                UUID partner = Events.optionalUuid(p, "partnerId");
                if (partner != null) {
                    accepted.add(partner);
                }
            }
        });
        accepted.add(lead);
        return replicas.project(id, Events.text(event, "title"), lead, accepted, data.path("version").asLong());
    }

    private Uni<Void> invited(CloudEvent event) {
        UUID project = Events.uuid(event, "projectId");
        UUID partner = Events.uuid(event, "partnerId");
        return replicas.partnerName(partner).chain(name -> {
            Map<String, String> params = Map.of("projectTitle", Events.text(event, "title"), "partnerName", name.orElse("?"));
            return replicas.members(List.of(partner)).chain(members -> notifier.notify(
                    new Notifier.Notice(event.id(), Kind.INVITED, project, partner, params, "/invitations"), members));
        });
    }

    private Uni<Void> answered(CloudEvent event, String answer) {
        UUID project = Events.uuid(event, "projectId");
        UUID partner = Events.uuid(event, "partnerId");
        UUID lead = Events.uuid(event, "leadPartnerId");
        return replicas.partnerName(partner).chain(name -> {
            Map<String, String> params = Map.of("projectTitle", Events.text(event, "title"), "partnerName", name.orElse("?"),
                    "answer", answer);
            return replicas.members(List.of(lead)).chain(members -> notifier.notify(
                    new Notifier.Notice(event.id(), Kind.INVITATION_ANSWERED, project, partner, params, "/projects/" + project), members));
        });
    }

    private Uni<Void> proposal(CloudEvent event, Kind kind) {
        UUID projectId = Events.uuid(event, "projectId");
        String title = Events.text(event, "title");
        UUID proposer = Events.optionalUuid(event.data(), "proposedByPartnerId");
        String status = Events.optionalText(event.data(), "status");
        return replicas.project(projectId).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Replicas.Project project = found.get();
            List<UUID> partners = project.acceptedPartners().stream()
                    .filter(p -> kind != Kind.PROPOSAL_OPENED || !p.equals(proposer)).toList();
            Map<String, String> params = new HashMap<>();
            params.put("projectTitle", project.title());
            params.put("proposalTitle", title);
            if (status != null) {
                params.put("outcome", status);
            }
            return replicas.members(partners).chain(members -> notifier.notify(
                    new Notifier.Notice(event.id(), kind, projectId, null, params, "/projects/" + projectId), members));
        });
    }

    /** A vote: its partner is not reminded that the proposal is about to expire. */
    private Uni<Void> voted(CloudEvent event) {
        UUID partner = Events.optionalUuid(event.data().path("vote"), "partnerId");
        if (partner == null) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") lacks vote.partnerId");
        }
        return proposals.voted(Events.uuid(event, "proposalId"), partner);
    }

    private Uni<Void> closed(CloudEvent event) {
        return proposals.closed(Events.uuid(event, "proposalId"), Events.uuid(event, "projectId"), Events.text(event, "title"),
                deadline(event));
    }

    private static OffsetDateTime deadline(CloudEvent event) {
        try {
            return OffsetDateTime.parse(Events.text(event, "deadline"));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("event " + event.id() + " (" + event.type() + ") has an invalid deadline", e);
        }
    }
}
