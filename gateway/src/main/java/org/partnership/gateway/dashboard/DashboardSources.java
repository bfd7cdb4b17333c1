package org.partnership.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.partnership.gateway.client.ServiceClients;

import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The dashboard's calls to the services, with the caller's token, each guarded by SmallRye Fault Tolerance: a
 * {@link Timeout} (a slow service must not hold the dashboard), a {@link CircuitBreaker} per call (a service that
 * keeps failing is not asked again for a while, so the dashboard answers at once without it) and a {@link Fallback}
 * that names the service unavailable. A service refusing the caller (403/404) is an answer, not a failure: the part
 * is restricted.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
public class DashboardSources {

    public static final String PROJECTS = "projects-service";
    public static final String RESOURCES = "resources-service";
    /** The service's largest page. */
    static final int PAGE = 100;
    /** Pages of a list the dashboard follows; a longer list is shown cut off and named in {@code truncated}. */
    static final int MAX_PAGES = 10;

    private final ServiceClients.Projects projects;
    private final ServiceClients.Portfolio portfolio;
    private final ServiceClients.Resources resources;

    public DashboardSources(@RestClient ServiceClients.Projects projects, @RestClient ServiceClients.Portfolio portfolio,
            @RestClient ServiceClients.Resources resources) {
        this.projects = projects;
        this.portfolio = portfolio;
        this.resources = resources;
    }

    /**
     * The project itself: it decides visibility, so a refusal is the dashboard's 404 and a failure its 503 (no
     * fallback). A refusal is an answer, so many callers asking for a project they may not see never open the circuit.
     */
    public Uni<Part> project(String projectId) {
        return part(projects.project(projectId));
    }

    @Fallback(ProjectsUnavailable.class)
    public Uni<Part> readiness(String projectId) {
        return part(projects.readiness(projectId));
    }

    /** Every participant, page after page (truncated beyond {@link #MAX_PAGES} pages). */
    @Fallback(ProjectsUnavailable.class)
    public Uni<Part> participants(String projectId) {
        return restrictedWhenRefused(pages(cursor -> projects.participants(projectId, PAGE, cursor), null, JsonNodeFactory.instance.arrayNode(), 0));
    }

    /** The project's sectors x dimensions matrix, levels and gaps, as projects-service computes them. */
    @Fallback(ProjectsUnavailable.class)
    public Uni<Part> integration(String projectId) {
        return part(projects.integration(projectId));
    }

    /** The project's OPEN proposals with their votes and the rule's tally, as projects-service counts them (issue #21). */
    @Fallback(ProjectsUnavailable.class)
    public Uni<Part> openProposals(String projectId) {
        return restrictedWhenRefused(projects.proposals(projectId, "OPEN", PAGE).map(DashboardSources::firstPage));
    }

    /** The decision log: the project's latest proposals, newest first, each with who voted what and when (issue #21). */
    @Fallback(ProjectsUnavailable.class)
    public Uni<Part> decisionLog(String projectId) {
        return restrictedWhenRefused(projects.proposals(projectId, null, PAGE).map(DashboardSources::firstPage));
    }

    /** The first page of the caller's organisation's portfolio (truncated when there is more). */
    @Fallback(ProjectsUnavailable.class)
    public Uni<Part> portfolio() {
        return restrictedWhenRefused(portfolio.portfolio(PAGE).map(DashboardSources::firstPage));
    }

    /** The caller's own partner's commitments across projects, as resources-service computes them. */
    @Fallback(ResourcesUnavailable.class)
    public Uni<Part> ownCommitments() {
        return part(resources.ownCommitments());
    }

    /** The open pledges of partners that left the project (resources-service knows them; truncated beyond a page). */
    @Fallback(ResourcesUnavailable.class)
    public Uni<Part> departedPledges(String projectId) {
        return restrictedWhenRefused(resources.departedPledges(projectId, PAGE).map(DashboardSources::firstPage));
    }

    @Fallback(ResourcesUnavailable.class)
    public Uni<Part> needs(String projectId) {
        return restrictedWhenRefused(pages(cursor -> resources.needs(projectId, PAGE, cursor), null, JsonNodeFactory.instance.arrayNode(), 0));
    }

    /** The project's totals per partner, as resources-service computes them for {@code /api/v1/commitments?projectId=}. */
    @Fallback(ResourcesUnavailable.class)
    public Uni<Part> commitments(String projectId) {
        return part(resources.commitments(projectId));
    }

    /** The caller's view of the project's contributions with that status or overdue flag (the service filters). */
    @Fallback(ResourcesUnavailable.class)
    public Uni<Part> contributions(String projectId, String status, Boolean overdue) {
        return restrictedWhenRefused(pages(cursor -> resources.contributions(projectId, status, overdue, PAGE, cursor), null,
                JsonNodeFactory.instance.arrayNode(), 0));
    }

    @Fallback(ResourcesUnavailable.class)
    public Uni<Part> risks(String projectId) {
        return restrictedWhenRefused(pages(cursor -> resources.risks(projectId, PAGE, cursor), null, JsonNodeFactory.instance.arrayNode(), 0));
    }

    /** The items of every page, up to {@link #MAX_PAGES}; truncated when the service had more. */
    private Uni<Part> pages(Function<String, Uni<JsonNode>> list, String cursor, ArrayNode collected, int page) {
        return list.apply(cursor).chain(answer -> {
            answer.path("items").forEach(collected::add);
            JsonNode next = answer.path("next");
            boolean more = next.isTextual() && !next.asText().isEmpty();
            if (!more) {
                return Uni.createFrom().item(Part.of(collected));
            }
            if (page + 1 >= MAX_PAGES) {
                return Uni.createFrom().item(Part.cutOff(collected));
            }
            return pages(list, next.asText(), collected, page + 1);
        });
    }

    /** The items of a page; cut off when the service has more. */
    private static Part firstPage(JsonNode page) {
        JsonNode next = page.path("next");
        JsonNode items = page.path("items").isMissingNode() ? JsonNodeFactory.instance.arrayNode() : page.get("items");
        return next.isTextual() && !next.asText().isEmpty() ? Part.cutOff(items) : Part.of(items);
    }

    /** The answer, or restricted when the service refuses the caller; other failures go to the fallback. */
    private static Uni<Part> part(Uni<JsonNode> call) {
        return restrictedWhenRefused(call.map(Part::of));
    }

    private static Uni<Part> restrictedWhenRefused(Uni<Part> call) {
        return call.onFailure(Part::refusal).recoverWithItem(refused -> Part.refused());
    }

    private static Uni<Part> unavailable(String service, ExecutionContext context) {
        Log.debugf("dashboard: %s did not answer %s: %s", service, context.getMethod().getName(), context.getFailure());
        return Uni.createFrom().item(Part.unavailableFrom(service));
    }

    public static class ProjectsUnavailable implements FallbackHandler<Uni<Part>> {
        @Override
        public Uni<Part> handle(ExecutionContext context) {
            return unavailable(PROJECTS, context);
        }
    }

    public static class ResourcesUnavailable implements FallbackHandler<Uni<Part>> {
        @Override
        public Uni<Part> handle(ExecutionContext context) {
            return unavailable(RESOURCES, context);
        }
    }
}
