package org.partnership.projects.rest.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.partnership.http.ProblemTypes;
import org.partnership.http.ProblemTypes.ProblemType;

import java.util.List;

import static org.partnership.http.ProblemTypes.type;

/** The problem types projects-service answers with besides the common ones, in its API description's catalogue. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProjectProblemTypes implements OASFilter {

    static final List<ProblemType> TYPES = List.of(
            type("partner-unknown", 409, "Conflict", "The partner is not (yet) known to projects-service: only partners of the registry take part in projects"),
            type("lead-partner-not-active", 409, "Conflict", "The caller's own organisation is not ACTIVE, so it cannot lead a project"),
            type("partner-not-active", 409, "Conflict", "The partner is not ACTIVE: it cannot be invited or accept an invitation (it may still decline)"),
            type("already-participant", 409, "Conflict", "The partner is already invited to or taking part in the project"),
            type("not-invited", 409, "Conflict", "The partner has no open invitation to accept or decline"),
            type("not-accepted", 409, "Conflict", "Only an ACCEPTED participant can withdraw (an invitation is declined)"),
            type("lead-cannot-withdraw", 409, "Conflict", "The lead partner cannot withdraw; cancel the project instead"),
            type("project-closed", 409, "Conflict", "The project is COMPLETED or CANCELLED and can no longer change"),
            type("illegal-transition", 409, "Conflict", "The project's status does not allow this transition (e.g. launching a DRAFT)"),
            type("decision-required", 409, "Conflict", "Under the project's governance rule the partnership decides this: open a proposal; it applies itself when it passes"),
            type("not-a-participant", 409, "Conflict", "Only the project's accepted participants propose and vote"),
            type("proposal-already-open", 409, "Conflict", "A proposal for this decision is already open: vote on it instead"),
            type("proposal-closed", 409, "Conflict", "The proposal is closed: its votes can no longer change"),
            type("proposal-not-applicable", 409, "Conflict", "Only a PASSED decision that was not applied yet can be applied"),
            type("same-rule", 409, "Conflict", "The project already decides under this governance rule"),
            type("launch-not-ready", 409, "Not ready to launch", "The project does not meet its launch rules; unmet[] lists the rules that fail and why"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemTypes.declare(openAPI, TYPES);
    }
}
