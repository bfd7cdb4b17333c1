package org.partnership.partners.rest.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.partnership.http.ProblemTypes;
import org.partnership.http.ProblemTypes.ProblemType;

import java.util.List;

import static org.partnership.http.ProblemTypes.type;

/** The problem types partners-service answers with besides the common ones, in its API description's catalogue. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PartnerProblemTypes implements OASFilter {

    static final List<ProblemType> TYPES = List.of(
            type("partner-not-found", 404, "Partner not found", "No partner organisation with this id"),
            type("member-not-found", 404, "Member not found", "The user is not a member of this partner organisation"),
            type("unknown-user", 422, "Unknown user", "No user of the realm has this id or username"),
            type("already-member", 409, "Conflict", "The user already represents a partner organisation; a user represents one"),
            type("duplicate-registration", 409, "Conflict", "A partner with this registration number is already registered in this country"),
            type("no-pending-change", 409, "Conflict", "The partner has no change of its profile waiting for verification"),
            type("archived", 409, "Conflict", "The partner is archived and can no longer be changed"),
            type("last-member", 409, "Conflict", "The user is the partner's last member and cannot leave it"),
            type("illegal-transition", 409, "Conflict", "The partner's status does not allow this change (e.g. verifying an ACTIVE partner)"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemTypes.declare(openAPI, TYPES);
    }
}
