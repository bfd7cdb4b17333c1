package org.partnership.messaging;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The actor and causation of the work in progress when it is not a user's request: kept, like the correlation id, in
 * the Vert.x duplicated context of the message or job. {@link org.partnership.messaging.inbox.Inbox} sets
 * {@code system:<consumer>} and the consumed event's id for every handler; jobs wrap their work in {@link #as}. A
 * request needs nothing: the outbox takes its actor from the verified token.
 */
public final class Actors {

    static final String ACTOR_KEY = "partnership.actor";
    static final String CAUSATION_KEY = "partnership.causationId";

    private Actors() {
    }

    /** Sets the actor (and the causing event's id, may be null) for the current duplicated context. */
    public static void set(Actor actor, String causationId) {
        if (!onDuplicatedContext()) {
            throw new IllegalStateException("an actor is set on a Vert.x duplicated context (a request, message or job)");
        }
        put(ACTOR_KEY, actor);
        put(CAUSATION_KEY, causationId);
    }

    public static Optional<Actor> actor() {
        return onDuplicatedContext() ? ContextLocals.get(ACTOR_KEY) : Optional.empty();
    }

    public static Optional<String> causationId() {
        return onDuplicatedContext() ? ContextLocals.get(CAUSATION_KEY) : Optional.empty();
    }

    /**
     * Runs {@code work} as {@code actor}, caused by event {@code causationId} (may be null), and restores what was
     * set before once it ends: {@code Actors.as(Actor.system("overdue"), null, () -> ...)}.
     */
    public static <T> Uni<T> as(Actor actor, String causationId, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Actor previousActor = actor().orElse(null);
            String previousCausation = causationId().orElse(null);
            set(actor, causationId);
            return work.get().onTermination().invoke(() -> {
                if (onDuplicatedContext()) {
                    put(ACTOR_KEY, previousActor);
                    put(CAUSATION_KEY, previousCausation);
                }
            });
        });
    }

    private static void put(String key, Object value) {
        if (value == null) {
            ContextLocals.remove(key);
        } else {
            ContextLocals.put(key, value);
        }
    }

    private static boolean onDuplicatedContext() {
        Context context = Vertx.currentContext();
        return context instanceof ContextInternal internal && internal.isDuplicate();
    }
}
