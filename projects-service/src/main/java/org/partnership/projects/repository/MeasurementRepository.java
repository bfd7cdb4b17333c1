package org.partnership.projects.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.projects.domain.Measurement;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {
}
