package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Measurement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An indicator's measurements, newest measured first (then newest recorded), keyset {@code (measured_at, recorded_at, id)}. */
@ApplicationScoped
@WithSession
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    public record Position(LocalDate measuredAt, OffsetDateTime recordedAt, UUID id) {
    }

    public Uni<List<Measurement>> history(UUID indicatorId, Position after, int limit) {
        String query = "indicatorId = :indicator"
                + (after == null ? "" : " and (measuredAt < :at or (measuredAt = :at and (recordedAt < :rec"
                + " or (recordedAt = :rec and id < :id))))")
                + " order by measuredAt desc, recordedAt desc, id desc";
        Parameters params = Parameters.with("indicator", indicatorId);
        if (after != null) {
            params = params.and("at", after.measuredAt()).and("rec", after.recordedAt()).and("id", after.id());
        }
        return find(query, params).page(0, limit).list();
    }
}
