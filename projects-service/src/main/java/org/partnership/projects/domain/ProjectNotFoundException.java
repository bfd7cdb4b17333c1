package org.partnership.projects.domain;

import java.util.UUID;

/** No such project (or indicator), or none the caller may see: the two are indistinguishable on purpose (404). */
public class ProjectNotFoundException extends RuntimeException {

    public ProjectNotFoundException(String what, UUID id) {
        super(what + " " + id + " does not exist or is not visible to you");
    }

    public ProjectNotFoundException(UUID id) {
        this("project", id);
    }
}
