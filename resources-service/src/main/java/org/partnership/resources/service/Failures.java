package org.partnership.resources.service;

import io.smallrye.mutiny.Uni;
import org.hibernate.StaleStateException;
import org.partnership.resources.domain.ResourceConflictException;


/** Small helpers for the services' Uni chains. */
final class Failures {

    private Failures() {
    }

    /** A concurrent writer changed the row first (optimistic lock): a 409 the client may retry. */
    static <T> Uni<T> concurrentChangeAsConflict(Uni<T> uni) {
        return uni.onFailure(f -> f instanceof StaleStateException || f instanceof jakarta.persistence.OptimisticLockException
                        || f.getCause() instanceof StaleStateException)
                .transform(f -> new ResourceConflictException("concurrent-change",
                        "someone changed this at the same time; reload and try again"));
    }
}
