package org.partnership.projects.domain;

/** The caller may see the project but not do this to it (403). */
public class ProjectAccessDeniedException extends RuntimeException {

    public ProjectAccessDeniedException(String message) {
        super(message);
    }
}
