package org.partnership.resources.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.messaging.inbox.PoisonEventException;
import org.partnership.messaging.outbox.Outbox;
import org.partnership.resources.domain.Need;
import org.partnership.resources.messaging.NeedDecidedEvent;
import org.partnership.resources.messaging.ProjectEventConsumer.DecidedProposal;
import org.partnership.resources.messaging.ResourceEvents;
import org.partnership.resources.repository.NeedRepository;
import org.partnership.resources.repository.ProjectReplicaRepository;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Applies a passed CHANGE_NEED proposal (projects-service decides, this service owns the need; #21): a new quantity
 * or the need's cancellation, published as {@code partnership.need.changed.v1} / {@code .cancelled.v1}, followed by
 * a new resources summary so the project's coverage and readiness follow. Runs inside the inbox's transaction.
 * <p>
 * A payload that cannot be applied (no need id, unknown action, a quantity that is not a decimal above zero with at
 * most 15 integer and 4 fraction digits, an unknown need, a need of another project) is poison: nothing is applied and
 * the event goes to {@code projects.v1.dlq} with the reason. A need already cancelled, or of a closed project, is left
 * as it is (logged): the decision came too late to have an effect.
 */
@ApplicationScoped
public class NeedDecisionService {

    private final NeedRepository needs;
    private final ProjectReplicaRepository projects;
    private final SummaryService summaries;
    private final Outbox outbox;
    private final Time time;

    public NeedDecisionService(NeedRepository needs, ProjectReplicaRepository projects, SummaryService summaries,
            Outbox outbox, Time time) {
        this.needs = needs;
        this.projects = projects;
        this.summaries = summaries;
        this.outbox = outbox;
        this.time = time;
    }

    public Uni<Void> apply(String eventId, DecidedProposal d) {
        String what = "CHANGE_NEED proposal " + d.proposalId() + " (event " + eventId + ")";
        if (d.projectId() == null || d.payload() == null || d.payload().needId() == null) {
            throw new PoisonEventException(what + " names no project or need");
        }
        UUID needId = d.payload().needId();
        boolean cancel = "CANCEL".equals(d.payload().needAction());
        if (!cancel && !"CHANGE".equals(d.payload().needAction())) {
            throw new PoisonEventException(what + " has needAction " + d.payload().needAction() + ", not CHANGE or CANCEL");
        }
        BigDecimal quantity = cancel ? null : quantity(what, d.payload().quantity());
        return needs.findById(needId).chain(need -> {
            if (need == null) {
                throw new PoisonEventException(what + " names need " + needId + ", which does not exist");
            }
            if (!need.projectId().equals(d.projectId())) {
                throw new PoisonEventException(what + " of project " + d.projectId() + " names need " + needId
                        + " of another project");
            }
            if (need.isCancelled()) {
                Log.warnf("%s not applied: need %s is already cancelled", what, needId);
                return Uni.createFrom().voidItem();
            }
            return projects.findById(d.projectId()).chain(project -> {
                if (project != null && project.isClosed()) {
                    Log.warnf("%s not applied: project %s is %s", what, project.id(), project.status());
                    return Uni.createFrom().voidItem();
                }
                BigDecimal previous = need.quantity();
                if (cancel) {
                    need.cancel(d.proposalId(), time.now());
                } else {
                    need.changeQuantity(quantity, d.proposalId());
                }
                Log.infof("%s applied: need %s %s", what, needId, cancel ? "cancelled" : "quantity " + previous + " -> " + quantity);
                return outbox.append(ResourceEvents.NEED, needId, cancel ? ResourceEvents.NEED_CANCELLED : ResourceEvents.NEED_CHANGED,
                                NeedDecidedEvent.of(need, previous))
                        .chain(() -> summaries.summarise(need.projectId()));
            });
        });
    }

    private static BigDecimal quantity(String what, String text) {
        BigDecimal q;
        try {
            q = text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            q = null;
        }
        if (q == null || q.signum() <= 0 || q.scale() > 4 || q.precision() - q.scale() > 15) {
            throw new PoisonEventException(what + " has quantity '" + text
                    + "': a need's quantity is a decimal above zero (at most 15 integer and 4 fraction digits)");
        }
        return q;
    }
}
