package org.partnership.projects.service;

import org.partnership.projects.domain.PartnerReplica;
import org.partnership.projects.domain.Project;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A project with what the partner replica knows about its participants. */
public record ProjectDetails(Project project, Map<UUID, PartnerReplica> partners) {

    public Optional<PartnerReplica> partner(UUID id) {
        return Optional.ofNullable(partners.get(id));
    }
}
