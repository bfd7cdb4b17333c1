package org.partnership.resources.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.resources.domain.Caller;
import org.partnership.resources.domain.ProjectReplica;
import org.partnership.resources.domain.ObjectNotFoundException;
import org.partnership.resources.repository.ProjectReplicaRepository;

import java.util.UUID;

/** Looks projects up in the replica, answering 404 for unknown ones and for ones the caller may not see. */
@ApplicationScoped
public class Projects {

    private final ProjectReplicaRepository projects;

    public Projects(ProjectReplicaRepository projects) {
        this.projects = projects;
    }

    /** A project this service knows of (no visibility check: the caller's rights are checked after). */
    public Uni<ProjectReplica> known(UUID id) {
        return projects.findById(id).map(project -> {
            if (project == null) {
                throw new ObjectNotFoundException("project", id);
            }
            return project;
        });
    }

    /** A project whose needs, risks and totals the caller may see: participants, its lead, auditors. */
    public Uni<ProjectReplica> visible(Caller caller, UUID id) {
        return known(id).map(project -> {
            if (!caller.sees(project)) {
                throw new ObjectNotFoundException("project", id);
            }
            return project;
        });
    }
}
