package org.partnership.projects.domain;

import java.util.List;

/** A launch refused because launch readiness criteria fail (409 listing exactly the failing ones). */
public class LaunchNotReadyException extends RuntimeException {

    private final transient List<LaunchReadiness.Criterion> failing;

    public LaunchNotReadyException(List<LaunchReadiness.Criterion> failing) {
        super("the project is not ready to launch: " + failing.size() + " criterion/criteria fail ("
                + String.join(", ", failing.stream().map(LaunchReadiness.Criterion::code).toList()) + ")");
        this.failing = List.copyOf(failing);
    }

    public List<LaunchReadiness.Criterion> failing() {
        return failing;
    }
}
