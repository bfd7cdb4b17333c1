package org.partnership.notifications.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.partnership.messaging.CloudEvent;
import org.partnership.messaging.inbox.Inbox;
import org.partnership.notifications.domain.Kind;
import org.partnership.notifications.repository.Replicas;
import org.partnership.notifications.service.Notifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * resources.v1: a pledge received and a delivery recorded to the lead's members (who confirm or dispute it); an
 * overdue pledge to the contributor's members and the lead's; an allocated risk to the members of each partner
 * that carries a share. The lead comes from the project replica (projects.v1).
 */
@ApplicationScoped
public class ResourceEventConsumer {

    public static final String CONSUMER = "notifications-resources";

    private final Inbox inbox;
    private final Replicas replicas;
    private final Notifier notifier;

    public ResourceEventConsumer(Inbox inbox, Replicas replicas, Notifier notifier) {
        this.inbox = inbox;
        this.replicas = replicas;
        this.notifier = notifier;
    }

    @Incoming("resources")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, CONSUMER, Map.of(
                "partnership.contribution.pledged.v1", event -> toLead(event, Kind.PLEDGE_RECEIVED, event.data().path("quantity").asText()),
                "partnership.contribution.delivered.v1", event -> toLead(event, Kind.DELIVERY_RECORDED,
                        event.data().path("delivery").path("quantity").asText(event.data().path("delivered").asText())),
                "partnership.contribution.overdue.v1", this::overdue,
                "partnership.risk.allocated.v1", this::riskAllocated));
    }

    private Uni<Map<String, String>> contributionParams(CloudEvent event, Replicas.Project project, String quantity) {
        UUID partner = Events.uuid(event, "partnerId");
        return replicas.partnerName(partner).map(name -> {
            Map<String, String> params = new HashMap<>();
            params.put("projectTitle", project.title());
            params.put("partnerName", name.orElse("?"));
            params.put("quantity", quantity);
            params.put("unit", event.data().path("unit").asText(""));
            params.put("contributionId", event.data().path("contributionId").asText(""));
            if (event.data().path("dueDate").isTextual()) {
                params.put("dueDate", event.data().path("dueDate").asText());
            }
            return params;
        });
    }

    private Uni<Optional<Replicas.Project>> project(CloudEvent event) {
        UUID id = Events.uuid(event, "projectId");
        return replicas.project(id).invoke(found -> {
            if (found.isEmpty()) {
                Log.warnf("event %s (%s) is about project %s, which this service does not know yet: nobody notified",
                        event.id(), event.type(), id);
            }
        });
    }

    private Uni<Void> toLead(CloudEvent event, Kind kind, String quantity) {
        return project(event).chain(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                : contributionParams(event, found.get(), quantity).chain(params -> replicas.members(List.of(found.get().leadPartnerId()))
                        .chain(members -> notifier.notify(new Notifier.Notice(event.id(), kind, found.get().id(),
                                Events.uuid(event, "partnerId"), params, "/projects/" + found.get().id()), members))));
    }

    private Uni<Void> overdue(CloudEvent event) {
        UUID contributor = Events.uuid(event, "partnerId");
        return project(event).chain(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                : contributionParams(event, found.get(), event.data().path("quantity").asText()).chain(params -> {
                    UUID projectId = found.get().id();
                    return replicas.members(List.of(contributor))
                            .chain(members -> notifier.notify(new Notifier.Notice(event.id(), Kind.PLEDGE_OVERDUE, projectId,
                                    contributor, params, "/contributions"), members))
                            .chain(() -> replicas.members(List.of(found.get().leadPartnerId())))
                            .chain(members -> notifier.notify(new Notifier.Notice(event.id(), Kind.PLEDGE_OVERDUE, projectId,
                                    contributor, params, "/projects/" + projectId), members));
                }));
    }

    private Uni<Void> riskAllocated(CloudEvent event) {
        return project(event).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Replicas.Project project = found.get();
            List<JsonNode> allocations = new java.util.ArrayList<>();
            event.data().path("allocations").forEach(allocations::add);
            return Multi.createFrom().iterable(allocations).onItem().transformToUniAndConcatenate(allocation -> {
                UUID partner = Events.optionalUuid(allocation, "partnerId");
                if (partner == null) {
                    return Uni.createFrom().voidItem();
                }
                return replicas.partnerName(partner).chain(name -> {
                    Map<String, String> params = Map.of("projectTitle", project.title(), "partnerName", name.orElse("?"),
                            "riskTitle", event.data().path("title").asText("?"),
                            "sharePercent", allocation.path("sharePercent").asText("?"));
                    return replicas.members(List.of(partner)).chain(members -> notifier.notify(new Notifier.Notice(
                            event.id(), Kind.RISK_ALLOCATED, project.id(), partner, params, "/projects/" + project.id()), members));
                });
            }).collect().last().replaceWithVoid();
        });
    }
}
