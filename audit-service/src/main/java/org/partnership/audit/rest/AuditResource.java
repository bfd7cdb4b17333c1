package org.partnership.audit.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.partnership.audit.domain.AuditEntry;
import org.partnership.audit.service.AuditQuery;
import org.partnership.audit.service.AuditReader;
import org.partnership.audit.service.ChainVerifier;
import org.partnership.audit.service.ChainVerifier.Verification;
import org.partnership.audit.service.Reader;
import org.partnership.http.ApiResponses;
import org.partnership.http.Csv;
import org.partnership.http.Page;
import org.partnership.http.PartnerClaim;
import org.partnership.http.Problem;
import org.partnership.http.ProblemException;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The platform's audit trail: one append-only, hash-chained entry per event")
@SecurityRequirement(name = "oidc")
@Cancellable(false) // runs to its end if the caller hangs up, never cut in two (quarkusio/quarkus#51576; AbandonedWritesTest)
public class AuditResource {

    static final List<String> CSV_COLUMNS = List.of("seq", "eventId", "time", "action", "objectType", "objectId", "projectId",
            "partnerId", "actorSub", "actorUsername", "actorPartnerId", "actorRoles", "correlationId", "causationId", "changes",
            "prevHash", "hash");
    static final int CSV_BATCH = 500;

    private final AuditReader reader;
    private final ChainVerifier verifier;
    private final SecurityIdentity identity;

    public AuditResource(AuditReader reader, ChainVerifier verifier, SecurityIdentity identity) {
        this.reader = reader;
        this.verifier = verifier;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @Operation(operationId = "listAuditEntries", summary = "The audit trail, newest first",
            description = "Entries matching every given filter, newest first, a keyset page {items, next}. Auditors and administrators "
                    + "read every entry; anyone else the entries of the projects their partner leads or takes part in (of another "
                    + "partner's contributions and deliveries, only the project's lead), and those about their partner or made by its "
                    + "people (none without a partner). GET /api/v1/audit/export gives the same as CSV.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @ApiResponses.Reads
    public Uni<AuditPage> list(@BeanParam AuditFilters filters,
            @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "The 'next' cursor of the previous page") @QueryParam("cursor") String cursor) {
        AuditQuery query = filters.query();
        int size = Page.limit(limit);
        String[] position = Page.position(cursor, 1);
        Long before = position == null ? null : seq(position[0]);
        return reader.page(caller(), query, before, size + 1).map(entries -> {
            boolean more = entries.size() > size;
            List<AuditEntry> items = more ? entries.subList(0, size) : entries;
            return new AuditPage(items.stream().map(AuditEntryView::of).toList(),
                    more ? Page.cursor(Long.toString(items.get(items.size() - 1).seq())) : null);
        });
    }

    @GET
    @Path("/export")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({"coordinator", "partner-rep", "auditor", "admin"})
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"audit.csv\"")
    @Operation(operationId = "exportAuditEntries", summary = "The audit trail as CSV, streamed",
            description = "Every entry the same filters and visibility as the listing give, newest first, as RFC 4180 CSV with a header "
                    + "row; streamed in batches as it is written, so an export of any size is never held in memory.")
    @APIResponse(responseCode = "200", description = "CSV, one row per entry",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @ApiResponses.Reads
    public Multi<String> export(@BeanParam AuditFilters filters) {
        AuditQuery query = filters.query();
        Reader caller = caller();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(Csv.row(CSV_COLUMNS)),
                reader.stream(caller, query, CSV_BATCH).map(e -> Csv.row(Arrays.asList(e.seq(), e.eventId(), e.eventTime(), e.action(),
                        e.objectType(), e.objectId(), e.projectId(), e.partnerId(), e.actorSub(), e.actorUsername(), e.actorPartnerId(),
                        e.actorRoles(), e.correlationId(), e.causationId(), e.changes(), e.prevHash(), e.hash()))));
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"auditor", "admin"})
    @Operation(operationId = "verifyAuditChain", summary = "Recompute the hash chain and name its first broken link",
            description = "Auditors and administrators. Recomputes every entry's SHA-256 from its content and its predecessor's hash, "
                    + "from the start of the chain (or the retention anchor) to its end; valid is false and firstBroken names the first "
                    + "entry that was changed, or whose predecessor was removed, inserted or reordered.")
    @APIResponse(responseCode = "200", description = "The verification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationView.class)))
    @ApiResponses.Reads
    public Uni<VerificationView> verify() {
        return verifier.verify().map(VerificationView::of);
    }

    /** A page of entries. */
    @Schema(name = "AuditPage")
    public record AuditPage(List<AuditEntryView> items,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                            @Schema(nullable = true, description = "Cursor of the next page; null on the last page") String next) {
    }

    @Schema(name = "AuditVerification")
    public record VerificationView(@Schema(description = "True when every entry fits the chain") boolean valid,
                                   @Schema(description = "How many entries were checked before the first broken link (all when valid)") long entries,
                                   @Schema(description = "The last entry that fits the chain") Long lastSeq,
                                   @Schema(description = "Its hash: keep it to prove later that nothing before it changed") String lastHash,
                                   @Schema(description = "The first entry that does not fit, absent when valid") BrokenLinkView firstBroken) {
        static VerificationView of(Verification v) {
            return new VerificationView(v.valid(), v.entries(), v.lastSeq(), v.lastHash(), v.firstBroken() == null ? null
                    : new BrokenLinkView(v.firstBroken().seq(), v.firstBroken().eventId().toString(), v.firstBroken().reason()));
        }
    }

    @Schema(name = "AuditBrokenLink")
    public record BrokenLinkView(long seq, String eventId, String reason) {
    }

    private Reader caller() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        Object username = token.getClaim("preferred_username");
        return new Reader(username == null ? token.getSubject() : username.toString(), identity.getRoles(),
                PartnerClaim.of(token).orElse(null));
    }

    private static long seq(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("validation", "cursor is not valid; use the 'next' value of a previous page",
                    List.of(new Problem.FieldError("cursor", "not a cursor from this list")));
        }
    }
}
