package org.partnership.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.e2e.MatrixFixtures.Who;
import org.partnership.e2e.RawHttp.Answer;
import org.partnership.e2e.RawHttp.Call;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, through the gateway with real Keycloak tokens: every endpoint of the platform, each kind of
 * caller, the status the rules give them. Errors are problem+json; no data crosses partners (private texts carry
 * markers that only their audience may ever receive); requests that are refused change nothing; auditors read
 * everything and change nothing; tokens that are absent, from another realm, tampered with, unsigned or expired are
 * refused on every endpoint.
 */
@Order(2)
@ExtendWith(Platform.class)
class SecurityMatrixIT {

    /** The callers of the table's columns, in column order. */
    private static final List<Who> COLUMNS = List.of(Who.LEAD, Who.REP, Who.PEER, Who.OUTSIDER, Who.AUDITOR, Who.ADMIN);

    /**
     * One row per endpoint and object; one column per caller; "-" is not asked. Placeholders are the fixtures
     * ({@link MatrixFixtures}): P = the OPEN project led by LEAD's municipality where REP (third sector) and PEER
     * (market) accepted; DRAFT = LEAD's draft where REP and PEER are invited; Q = another municipality's OPEN project
     * where only PEER takes part; C1/C3 = REP's contributions to P (D1, D2 its deliveries), C2 = PEER's to P, CQ =
     * PEER's to Q; R/R2 = risks of P owned by REP; I = an indicator of P, M its measurement; xxxP = that caller's partner,
     * xxxU = that caller's user id; NEWU = a user of no partner whom REP adds to its partner and removes again.
     * GET+csv asks for text/csv. PATCH, PUT and an approval of a pending change send the resource's current ETag in If-Match, so a refusal is never a
     * stale version. Refusals run first (and must change nothing), then the successful changes in table order.
     * Every row is also sent without a token, with another realm's, a tampered, an unsigned and an expired token: 401.
     */
    private static final String MATRIX = """
            # method  path                                                        body            LEAD REP  PEER OUT  AUD  ADM
            # --- gateway's own
            GET       /api/v1/me                                                  -               200  200  200  200  200  200
            GET       /api/v1/dashboards/projects/{P}                             -               200  200  200  200  200  200
            GET       /api/v1/dashboards/projects/{DRAFT}                         -               200  200  200  404  200  200
            GET       /api/v1/dashboards/projects/{Q}                             -               200  200  200  200  200  200
            GET       /api/v1/dashboards/projects/{RANDOM}                        -               404  404  404  404  404  404
            GET       /api/v1/dashboards/portfolio                                -               200  200  200  200  200  200
            # --- partners
            GET       /api/v1/partners                                            -               200  200  200  200  200  200
            GET       /api/v1/partners?status=PENDING_VERIFICATION                -               403  403  403  403  200  200
            GET       /api/v1/partners/{REPP}                                     -               200  200  200  200  200  200
            GET       /api/v1/partners/{PENDING}                                  -               404  404  404  404  200  200
            GET       /api/v1/partners/{REPP}/members                             -               404  200  404  404  200  200
            GET       /api/v1/partners/{REPP}/members/{REPU}                      -               404  200  404  404  200  200
            POST      /api/v1/partners/{REPP}/members                             MEMBER          403  201  403  403  403  -
            DELETE    /api/v1/partners/{REPP}/members/{NEWU}                      -               403  204  403  403  403  404
            DELETE    /api/v1/partners/{OUTP}/members/{OUTU}                      -               403  403  403  409  403  409
            POST      /api/v1/partners                                            ORG             409  409  409  409  403  -
            PATCH     /api/v1/partners/{REPP}                                     RENAME          403  -    403  403  403  -
            PATCH     /api/v1/partners/{REPP}                                     DESCRIBE        403  -    403  403  403  200
            PATCH     /api/v1/partners/{PENDING}                                  RENAME          404  404  404  404  403  -
            PATCH     /api/v1/partners/{PENDING}                                  DESCRIBE        404  404  404  404  403  200
            POST      /api/v1/partners/{REPP}/pending-change/approve              REASON          403  403  403  403  403  409
            POST      /api/v1/partners/{REPP}/pending-change/reject               REASON          403  403  403  403  403  409
            POST      /api/v1/partners/{PENDING}/verify                           REASON          403  403  403  403  403  -
            POST      /api/v1/partners/{REPP}/suspend                             REASON          403  403  403  403  403  -
            POST      /api/v1/partners/{REPP}/reinstate                           REASON          403  403  403  403  403  -
            POST      /api/v1/partners/{REPP}/archive                             REASON          403  403  403  403  403  -
            # --- projects
            GET       /api/v1/projects?limit=100                                  -               200  200  200  200  200  200
            GET       /api/v1/projects?mine=true                                  -               200  200  200  200  200  200
            GET       /api/v1/projects/invitations                                -               200  200  200  200  403  403
            GET       /api/v1/projects/{P}                                        -               200  200  200  200  200  200
            GET       /api/v1/projects/{DRAFT}                                    -               200  200  200  404  200  200
            GET       /api/v1/projects/{Q}                                        -               200  200  200  200  200  200
            GET       /api/v1/projects/{RANDOM}                                   -               404  404  404  404  404  404
            POST      /api/v1/projects                                            PROJECT         201  403  403  403  403  403
            PATCH     /api/v1/projects/{P}                                        REPLAN          200  403  403  403  403  403
            PATCH     /api/v1/projects/{DRAFT}                                    REPLAN          -    403  403  404  403  403
            PATCH     /api/v1/projects/{Q}                                        REPLAN          403  403  403  403  403  403
            POST      /api/v1/projects/{P}/open                                   -               409  403  403  403  403  403
            POST      /api/v1/projects/{P}/launch                                 -               409  403  403  403  403  403
            POST      /api/v1/projects/{P}/complete                               -               409  403  403  403  403  403
            POST      /api/v1/projects/{P}/cancel                                 -               -    403  403  403  403  403
            POST      /api/v1/projects/{Q}/cancel                                 -               403  403  403  403  403  403
            GET       /api/v1/projects/{P}/readiness                              -               200  200  200  403  200  200
            GET       /api/v1/projects/{Q}/readiness                              -               403  403  200  403  200  200
            GET       /api/v1/projects/{DRAFT}/readiness                          -               200  200  200  404  200  200
            GET       /api/v1/projects/{P}/participants                           -               200  200  200  403  200  200
            GET       /api/v1/projects/{Q}/participants                           -               403  403  200  403  200  200
            POST      /api/v1/projects/{P}/participants                           INVITE_OUT      -    403  403  403  403  403
            POST      /api/v1/projects/{P}/participants/{REPP}/accept             -               403  409  403  403  403  403
            POST      /api/v1/projects/{P}/participants/{OUTP}/accept             -               403  403  403  404  403  403
            POST      /api/v1/projects/{P}/participants/{PEERP}/decline           -               403  403  409  403  403  403
            POST      /api/v1/projects/{P}/participants/{LEADP}/withdraw          -               409  403  403  403  403  403
            POST      /api/v1/projects/{P}/participants/{REPP}/withdraw           -               403  -    403  403  403  403
            POST      /api/v1/projects/{Q}/participants/{PEERP}/withdraw          -               403  403  -    403  403  403
            GET       /api/v1/projects/{P}/indicators                             -               200  200  200  403  200  200
            GET       /api/v1/projects/{Q}/indicators                             -               403  403  200  403  200  200
            POST      /api/v1/projects/{P}/indicators                             INDICATOR       201  403  403  403  403  403
            POST      /api/v1/projects/{Q}/indicators                             INDICATOR       403  403  403  403  403  403
            POST      /api/v1/projects/{P}/indicators/{I}/measurements            MEASURE         201  201  201  403  403  403
            POST      /api/v1/projects/{Q}/indicators/{I}/measurements            MEASURE         403  403  404  403  403  403
            GET       /api/v1/projects/{P}/indicators/{I}                         -               200  200  200  403  200  200
            GET       /api/v1/projects/{Q}/indicators/{I}                         -               403  403  404  403  404  404
            GET       /api/v1/projects/{P}/indicators/{RANDOM}                    -               404  404  404  403  404  404
            GET       /api/v1/projects/{P}/indicators/{I}/measurements            -               200  200  200  403  200  200
            GET       /api/v1/projects/{Q}/indicators/{I}/measurements            -               403  403  404  403  404  404
            GET       /api/v1/projects/{P}/indicators/{I}/measurements/{M}        -               200  200  200  403  200  200
            GET       /api/v1/projects/{P}/indicators/{I}/measurements/{RANDOM}   -               404  404  404  403  404  404
            PUT       /api/v1/projects/{P}/indicators/{I}/targets                 TARGETS         200  403  403  403  403  403
            PUT       /api/v1/projects/{Q}/indicators/{I}/targets                 TARGETS         403  403  403  403  403  403
            # --- integration (issue #19): the project's full view; a coordinator's own portfolio
            GET       /api/v1/projects/{P}/integration                            -               200  200  200  404  200  200
            GET       /api/v1/projects/{Q}/integration                            -               404  404  200  404  200  200
            GET       /api/v1/projects/{DRAFT}/integration                        -               200  200  200  404  200  200
            GET       /api/v1/projects/{RANDOM}/integration                       -               404  404  404  404  404  404
            GET       /api/v1/projects/portfolio                                  -               200  403  403  403  403  403
            # --- co-governance (issue #21): PR = REP's OPEN resolution in P (LEAD_DECIDES: REP's vote does not close it)
            GET       /api/v1/projects/{P}/proposals                              -               200  200  200  403  200  200
            GET       /api/v1/projects/{Q}/proposals                              -               403  403  200  403  200  200
            GET       /api/v1/projects/{DRAFT}/proposals                          -               200  200  200  404  200  200
            GET       /api/v1/projects/{P}/proposals/{PR}                         -               200  200  200  403  200  200
            GET       /api/v1/projects/{P}/proposals/{RANDOM}                     -               404  404  404  403  404  404
            GET       /api/v1/proposals?awaiting=me                               -               200  200  200  200  403  403
            POST      /api/v1/projects/{P}/proposals                              PROPOSAL        201  201  201  403  403  403
            POST      /api/v1/projects/{Q}/proposals                              PROPOSAL        403  403  201  403  403  403
            PUT       /api/v1/projects/{P}/proposals/{PR}/votes/{REPP}            VOTE            403  200  403  403  403  403
            PUT       /api/v1/projects/{P}/proposals/{PR}/votes/{OUTP}            VOTE            403  403  403  409  403  403
            POST      /api/v1/projects/{P}/proposals/{PR}/apply                   -               409  409  409  403  403  403
            # --- needs
            GET       /api/v1/needs?projectId={P}                                 -               200  200  200  404  200  200
            GET       /api/v1/needs?projectId={Q}                                 -               404  404  200  404  200  200
            POST      /api/v1/needs                                               NEED            201  403  403  404  403  403
            POST      /api/v1/needs                                               NEED_Q          404  404  403  404  403  403
            # --- contributions
            GET       /api/v1/contributions                                       -               200  200  200  200  200  200
            GET       /api/v1/contributions?projectId={P}                         -               200  200  200  404  200  200
            GET       /api/v1/contributions?projectId={Q}                         -               404  404  200  404  200  200
            GET       /api/v1/contributions?partnerId={PEERP}                     -               403  403  200  403  200  200
            GET       /api/v1/contributions?projectId={P}&partnerId={PEERP}       -               200  403  200  404  200  200
            GET       /api/v1/contributions/{C1}                                  -               200  200  404  404  200  200
            GET       /api/v1/contributions/{C2}                                  -               200  404  200  404  200  200
            GET       /api/v1/contributions/{CQ}                                  -               404  404  200  404  200  200
            GET       /api/v1/contributions/{RANDOM}                              -               404  404  404  404  404  404
            POST      /api/v1/contributions                                       PLEDGE          201  201  201  403  403  403
            POST      /api/v1/contributions                                       PLEDGE_AS_PEER  403  403  -    403  403  403
            POST      /api/v1/contributions                                       PLEDGE_Q        403  403  -    403  403  403
            POST      /api/v1/contributions/{C1}/deliveries                       DELIVERY        403  201  404  404  403  403
            POST      /api/v1/contributions/{C2}/deliveries                       DELIVERY        403  404  -    404  403  403
            POST      /api/v1/contributions/{C1}/deliveries/{D1}/confirm          NOTE            200  403  404  404  403  403
            POST      /api/v1/contributions/{C1}/deliveries/{D2}/dispute          NOTE            200  403  404  404  403  403
            POST      /api/v1/contributions/{C1}/deliveries                       CORRECTION      403  201  404  404  403  403
            POST      /api/v1/contributions/{CQ}/deliveries/{D1}/confirm          NOTE            404  404  403  404  403  403
            POST      /api/v1/contributions/{C3}/withdraw                         REASON          403  200  404  404  403  403
            POST      /api/v1/contributions/{C2}/withdraw                         REASON          403  404  -    404  403  403
            # --- risks
            GET       /api/v1/risks?projectId={P}                                 -               200  200  200  404  200  200
            GET       /api/v1/risks?projectId={Q}                                 -               404  404  200  404  200  200
            GET       /api/v1/risks/{R}                                           -               200  200  200  404  200  200
            GET       /api/v1/risks/{RANDOM}                                      -               404  404  404  404  404  404
            POST      /api/v1/risks                                               RISK            201  201  201  403  403  403
            POST      /api/v1/risks                                               RISK_Q          403  403  -    403  403  403
            PUT       /api/v1/risks/{R}/allocations                               SHARES          200  403  403  404  403  403
            POST      /api/v1/risks/{R2}/status                                   MITIGATED       -    200  403  404  403  403
            # --- commitments
            GET       /api/v1/commitments                                         -               200  200  200  200  400  400
            GET       /api/v1/commitments?partnerId={PEERP}                       -               404  404  200  404  200  200
            GET       /api/v1/commitments?partnerId={PEERP}&projectId={P}         -               200  404  200  404  200  200
            GET       /api/v1/commitments?partnerId={PEERP}&projectId={Q}         -               404  404  200  404  200  200
            GET       /api/v1/commitments?projectId={P}                           -               200  200  200  404  200  200
            GET       /api/v1/commitments?projectId={Q}                           -               404  404  200  404  200  200
            GET+csv   /api/v1/commitments                                         -               200  200  200  200  400  400
            GET       /api/v1/commitments/departed?projectId={P}                  -               200  403  403  404  200  200
            GET       /api/v1/commitments/departed?projectId={Q}                  -               404  404  403  404  200  200
            GET+csv   /api/v1/commitments?partnerId={PEERP}                       -               404  404  200  404  200  200
            GET+csv   /api/v1/commitments?partnerId={PEERP}&projectId={P}         -               200  404  200  404  200  200
            GET+csv   /api/v1/commitments?projectId={P}                           -               200  200  200  404  200  200
            GET+csv   /api/v1/commitments?projectId={Q}                           -               404  404  200  404  200  200
            # --- notifications (issue #23): each caller's own; N = REP's notification of its invitation into P
            GET       /api/v1/notifications                                       -               200  200  200  200  200  200
            GET       /api/v1/notifications?unread=true                           -               200  200  200  200  200  200
            GET       /api/v1/notifications/unread-count                          -               200  200  200  200  200  200
            GET       /api/v1/notifications/preferences                           -               200  200  200  200  200  200
            PUT       /api/v1/notifications/preferences                           PREFERENCES     200  200  200  200  403  200
            POST      /api/v1/notifications/{N}/read                              -               404  204  404  404  403  404
            POST      /api/v1/notifications/read-all                              -               204  204  204  204  403  204
            GET       /api/v1/notifications/mail/failed                           -               403  403  403  403  403  200
            # --- audit trail (#22): everyone reads what they may see (a page, perhaps empty); only auditors and admins verify
            GET       /api/v1/audit                                               -               200  200  200  200  200  200
            GET       /api/v1/audit?projectId={P}                                 -               200  200  200  200  200  200
            GET+csv   /api/v1/audit/export?projectId={P}                          -               200  200  200  200  200  200
            GET       /api/v1/audit/verify                                        -               403  403  403  403  200  200
            # --- the draft's invitations answered and its life ended (successful changes run in this order)
            POST      /api/v1/projects/{DRAFT}/participants                       INVITE_OUT      201  403  403  404  403  403
            POST      /api/v1/projects/{DRAFT}/participants/{PEERP}/accept        -               403  403  200  404  403  403
            POST      /api/v1/projects/{DRAFT}/participants/{REPP}/decline        -               403  200  403  404  403  403
            POST      /api/v1/projects/{DRAFT}/participants/{PEERP}/withdraw      -               403  403  200  404  403  403
            POST      /api/v1/projects/{DRAFT}/open                               -               200  403  403  404  403  403
            POST      /api/v1/projects/{DRAFT}/cancel                             -               200  403  403  404  403  403
            """;

    /** Private texts and ids of the fixtures, and the only callers who may ever receive them. */
    private static Map<String, Set<Who>> audiences(MatrixFixtures f) {
        Set<Who> pInsiders = Set.of(Who.LEAD, Who.REP, Who.PEER, Who.AUDITOR, Who.ADMIN);
        Map<String, Set<Who>> markers = new LinkedHashMap<>();
        markers.put("mx-contact-lead@", Set.of(Who.LEAD, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-contact-rep@", Set.of(Who.REP, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-contact-peer@", Set.of(Who.PEER, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-contact-outsider@", Set.of(Who.OUTSIDER, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-contact-pending@", Set.of(Who.AUDITOR, Who.ADMIN));
        markers.put("mx-p-invite-message", pInsiders);
        markers.put("mx-p-indicator-name", pInsiders);
        markers.put("mx-p-need-description", pInsiders);
        markers.put("mx-p-risk-title", pInsiders);
        markers.put("mx-draft-title", pInsiders);
        markers.put("mx-draft-invite-message", pInsiders);
        markers.put("mx-q-invite-message", Set.of(Who.PEER, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-rep-c1-secret", Set.of(Who.REP, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-rep-c3-secret", Set.of(Who.REP, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-rep-delivery-note", Set.of(Who.REP, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-peer-c2-secret", Set.of(Who.PEER, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-peer-q-secret", Set.of(Who.PEER, Who.AUDITOR, Who.ADMIN));
        markers.put("mx-p-proposal-text", pInsiders);
        markers.put("mx-p-vote-comment", pInsiders);
        return markers;
    }

    /** Ids that only these callers may receive in a successful answer (refusals may echo the requested path). */
    private static Map<String, Set<Who>> privateIds(MatrixFixtures f) {
        Map<String, Set<Who>> ids = new LinkedHashMap<>();
        ids.put(f.c1, Set.of(Who.REP, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        ids.put(f.c3, Set.of(Who.REP, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        ids.put(f.d1, Set.of(Who.REP, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        ids.put(f.d2, Set.of(Who.REP, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        ids.put(f.c2, Set.of(Who.PEER, Who.LEAD, Who.AUDITOR, Who.ADMIN));
        ids.put(f.cq, Set.of(Who.PEER, Who.AUDITOR, Who.ADMIN));
        ids.put(f.draft, Set.of(Who.LEAD, Who.REP, Who.PEER, Who.AUDITOR, Who.ADMIN));
        ids.put(f.risk, Set.of(Who.LEAD, Who.REP, Who.PEER, Who.AUDITOR, Who.ADMIN));
        ids.put(f.indicator, Set.of(Who.LEAD, Who.REP, Who.PEER, Who.AUDITOR, Who.ADMIN));
        ids.put(f.need, Set.of(Who.LEAD, Who.REP, Who.PEER, Who.AUDITOR, Who.ADMIN));
        ids.put(f.proposal, Set.of(Who.LEAD, Who.REP, Who.PEER, Who.AUDITOR, Who.ADMIN));
        ids.put(f.notification, Set.of(Who.REP));
        return ids;
    }

    /** What a successful read must (not) contain beyond its status: what a user of that column would notice. */
    private static List<Check> checks(MatrixFixtures f) {
        String rep = f.partnerOf.get(Who.REP);
        String peer = f.partnerOf.get(Who.PEER);
        String out = f.partnerOf.get(Who.OUTSIDER);
        return List.of(
                new Check(Who.OUTSIDER, "GET /api/v1/projects/{P}", "an outsider gets the public summary: no participants",
                        j -> "SUMMARY".equals(j.path("visibility").asText()) && j.path("participants").isMissingNode()),
                new Check(Who.LEAD, "GET /api/v1/projects/{Q}", "another lead gets only the public summary of Q",
                        j -> "SUMMARY".equals(j.path("visibility").asText()) && j.path("participants").isMissingNode()),
                new Check(Who.REP, "GET /api/v1/projects/{P}", "a participant sees the project in full",
                        j -> "FULL".equals(j.path("visibility").asText()) && j.path("participants").size() == 3),
                new Check(Who.OUTSIDER, "GET /api/v1/projects?limit=100", "an outsider's list: OPEN projects as summaries, no DRAFT",
                        j -> has(j.path("items"), "id", f.project) && !has(j.path("items"), "id", f.draft)
                                && all(j.path("items"), i -> i.path("participants").isMissingNode())),
                new Check(Who.OUTSIDER, "GET /api/v1/projects?mine=true", "an outsider takes part in nothing",
                        j -> j.path("items").isEmpty()),
                new Check(Who.LEAD, "GET /api/v1/projects?mine=true", "the lead's projects", j -> has(j.path("items"), "id", f.project)
                        && has(j.path("items"), "id", f.draft) && !has(j.path("items"), "id", f.other)),
                new Check(Who.REP, "GET /api/v1/projects/invitations", "only REP's own invitations (the DRAFT's)",
                        j -> has(j.path("items"), "projectId", f.draft) && all(j.path("items"), i -> rep.equals(i.path("partnerId").asText()))),
                new Check(Who.OUTSIDER, "GET /api/v1/projects/invitations", "nobody invited the outsider", j -> j.path("items").isEmpty()),
                new Check(Who.REP, "GET /api/v1/contributions?projectId={P}", "a participant sees only its own contributions",
                        j -> has(j.path("items"), "id", f.c1) && all(j.path("items"), i -> rep.equals(i.path("partnerId").asText()))),
                new Check(Who.PEER, "GET /api/v1/contributions?projectId={P}", "a participant sees only its own contributions",
                        j -> has(j.path("items"), "id", f.c2) && all(j.path("items"), i -> peer.equals(i.path("partnerId").asText()))),
                new Check(Who.LEAD, "GET /api/v1/contributions?projectId={P}", "the lead sees every contribution to P, none to Q",
                        j -> has(j.path("items"), "id", f.c1) && has(j.path("items"), "id", f.c2) && !has(j.path("items"), "id", f.cq)),
                new Check(Who.OUTSIDER, "GET /api/v1/contributions", "the outsider's own contributions: none", j -> j.path("items").isEmpty()),
                new Check(Who.REP, "GET /api/v1/contributions", "only REP's own", j -> has(j.path("items"), "id", f.c1)
                        && all(j.path("items"), i -> rep.equals(i.path("partnerId").asText()))),
                new Check(Who.AUDITOR, "GET /api/v1/contributions", "auditors read everything", j -> j.path("items").size() >= 4),
                new Check(Who.LEAD, "GET /api/v1/commitments?partnerId={PEERP}&projectId={P}", "the lead sees PEER's commitments to P only",
                        j -> has(j.path("items"), "id", f.c2) && all(j.path("items"), i -> f.project.equals(i.path("projectId").asText()))),
                new Check(Who.PEER, "GET /api/v1/commitments?partnerId={PEERP}", "PEER's commitments across P and Q",
                        j -> has(j.path("items"), "id", f.c2) && has(j.path("items"), "id", f.cq)),
                new Check(Who.REP, "GET /api/v1/commitments", "REP's own commitments",
                        j -> rep.equals(j.path("partnerId").asText()) && all(j.path("items"), i -> rep.equals(i.path("partnerId").asText()))),
                new Check(Who.OUTSIDER, "GET /api/v1/commitments", "the outsider's own (empty) commitments",
                        j -> out.equals(j.path("partnerId").asText()) && j.path("items").isEmpty()),
                new Check(Who.REP, "GET /api/v1/commitments?projectId={P}", "participants see per-partner totals, not the items",
                        j -> j.path("items").isMissingNode() && j.path("partners").size() >= 2),
                new Check(Who.REP, "GET /api/v1/dashboards/projects/{P}",
                        "a participant's dashboard: whole, the per-partner totals every participant sees, its own contributions only",
                        j -> !j.path("partial").asBoolean(true) && j.path("contributionsByPartner").size() >= 2
                                && all(j.path("overdue"), i -> rep.equals(i.path("partnerId").asText()))
                                && all(j.path("partiallyDelivered"), i -> rep.equals(i.path("partnerId").asText()))),
                new Check(Who.LEAD, "GET /api/v1/dashboards/projects/{P}", "the lead's dashboard is whole",
                        j -> !j.path("partial").asBoolean(true) && j.path("contributionsByPartner").size() == 2),
                new Check(Who.OUTSIDER, "GET /api/v1/dashboards/projects/{P}", "an outsider's dashboard: the public summary, every part restricted",
                        j -> "SUMMARY".equals(j.path("project").path("visibility").asText()) && !j.path("partial").asBoolean(true)
                                && !j.has("participants") && !j.has("needs") && !j.has("risks")
                                && !j.has("contributionsByPartner") && j.path("restricted").size() > 0),
                new Check(Who.LEAD, "GET /api/v1/dashboards/projects/{Q}", "another lead's dashboard of Q: the public summary only",
                        j -> "SUMMARY".equals(j.path("project").path("visibility").asText()) && !j.has("participants")
                                && !j.has("contributionsByPartner")),
                new Check(Who.AUDITOR, "GET /api/v1/dashboards/projects/{Q}", "the auditor's dashboard of Q is whole",
                        j -> !j.path("partial").asBoolean(true)),
                new Check(Who.OUTSIDER, "GET /api/v1/me", "the outsider's own partner",
                        j -> out.equals(j.path("partner").path("id").asText())),
                new Check(Who.AUDITOR, "GET /api/v1/me", "an auditor represents no partner", j -> j.has("partner") && j.get("partner").isNull()),
                new Check(Who.OUTSIDER, "GET /api/v1/partners/{REPP}", "no contact details of another partner",
                        j -> j.path("contactEmail").isMissingNode()),
                new Check(Who.REP, "GET+csv /api/v1/commitments", "REP's CSV", null),
                new Check(Who.LEAD, "GET+csv /api/v1/commitments?partnerId={PEERP}&projectId={P}", "PEER's CSV for P, for the lead", null));
    }

    record Check(Who caller, String request, String what, Predicate<JsonNode> holds) {
    }

    record Row(int line, String method, String path, String body, Map<Who, Integer> expected) {
        String request() {
            return method + " " + path;
        }
    }

    /** One request of a row: the caller, the placeholders filled in. */
    record Cell(Row row, Who caller, String path, int expected) {
        boolean changes() {
            return !row.method().startsWith("GET") && expected < 300;
        }

        @Override
        public String toString() {
            return "line " + row.line() + ": " + caller + " " + row.method() + " " + row.path() + " (" + row.body() + ")";
        }
    }

    private static MatrixFixtures f;
    private static int unauthenticatedRequests;
    private static String randomId;

    @BeforeAll
    static void world() {
        f = MatrixFixtures.get();
        randomId = UUID.randomUUID().toString();
    }

    @Test
    void shouldAnswerEveryCallerAsTheRulesSay() {
        List<Row> rows = rows();
        List<Cell> refusals = new ArrayList<>();
        List<Cell> changes = new ArrayList<>();
        for (Row row : rows) {
            row.expected().forEach((who, status) -> {
                Cell cell = new Cell(row, who, fill(row.path()), status);
                (cell.changes() ? changes : refusals).add(cell);
            });
        }
        Map<String, Check> checks = new LinkedHashMap<>();
        checks(f).forEach(c -> checks.put(c.caller() + " " + c.request(), c));
        Map<String, Set<Who>> markers = audiences(f);
        Map<String, Set<Who>> ids = privateIds(f);
        List<String> wrong = new ArrayList<>();
        List<String> checked = new ArrayList<>();

        Map<String, String> before = f.snapshot();
        for (Cell cell : refusals) {
            run(cell, checks, markers, ids, wrong, checked);
        }
        List<String> refusedButChanged = MatrixFixtures.changed(before, f.snapshot());

        for (Cell cell : changes) {
            run(cell, checks, markers, ids, wrong, checked);
        }

        List<String> unauthenticated = unauthenticated(rows);
        System.out.printf("security matrix: %d rows, %d caller cells (%d refusals or reads, %d changes), %d unauthenticated requests%n",
                rows.size(), refusals.size() + changes.size(), refusals.size(), changes.size(), unauthenticatedRequests);

        assertThat(wrong).as("cells answered otherwise than the rules say").isEmpty();
        assertThat(refusedButChanged).as("data changed by reads and refused requests (auditors change nothing)").isEmpty();
        assertThat(unauthenticated).as("requests without a valid token that were not refused with a 401 problem").isEmpty();
        assertThat(checked).as("every content check met its cell").containsExactlyInAnyOrderElementsOf(checks.keySet());
    }

    /**
     * Authorisation before validation: on every write endpoint of the table, each caller who may not perform that
     * operation at all (whatever the object: auditors change nothing, only coordinators create projects, only
     * administrators verify, suspend, reinstate and archive partners and decide on their pending changes, administrators take no part in projects or their
     * resources) gets the 403 of the table even for a body that is invalid field by field, never a 400 listing the
     * body's errors; and nothing changes.
     */
    @Test
    void shouldRefuseACallerWhoMayNotActAtAllBeforeLookingAtTheBody() {
        List<String> wrong = new ArrayList<>();
        Set<String> endpoints = new java.util.TreeSet<>();
        Set<String> covered = new java.util.TreeSet<>();
        Map<String, String> before = f.snapshot();
        int sent = 0;
        for (Row row : rows()) {
            if (row.method().startsWith("GET")) {
                continue;
            }
            String endpoint = row.method() + " " + template(row.path());
            endpoints.add(endpoint);
            for (Map.Entry<Who, Integer> cell : row.expected().entrySet()) {
                if (cell.getValue() != 403 || !mayNotActAtAll(row, cell.getKey())) {
                    continue;
                }
                String path = fill(row.path());
                Call call = Call.of(row.method(), path, f.token(cell.getKey()))
                        .body("-".equals(row.body()) ? "{}" : invalid(body(row.body())));
                if (row.method().equals("PATCH") || row.method().equals("PUT")) {
                    call = call.header("If-Match", "\"0\"");
                }
                Answer answer = call.send();
                sent++;
                covered.add(endpoint);
                if (answer.status() != 403 || !answer.isProblem()) {
                    wrong.add("line " + row.line() + ": " + cell.getKey() + " " + row.method() + " " + row.path()
                            + " with an invalid body: expected 403, got " + answer);
                }
            }
        }
        System.out.printf("authorisation before validation: %d forbidden callers with invalid bodies on %d write endpoints%n",
                sent, covered.size());
        assertThat(wrong).as("forbidden callers not refused before their body was validated").isEmpty();
        assertThat(covered).as("write endpoints with a caller who may not act at all").containsExactlyInAnyOrderElementsOf(endpoints);
        assertThat(MatrixFixtures.changed(before, f.snapshot())).as("data changed by refused requests").isEmpty();
    }

    /** Whether the caller may not perform this write on any object, by role alone. */
    private static boolean mayNotActAtAll(Row row, Who caller) {
        String path = row.path();
        if (caller == Who.AUDITOR) {
            return true;
        }
        if (path.matches("/api/v1/partners/[^/]+/(verify|suspend|reinstate|archive|pending-change/approve|pending-change/reject)")) {
            return caller != Who.ADMIN;
        }
        if (row.method().equals("POST") && path.equals("/api/v1/projects")) {
            return caller != Who.LEAD;
        }
        return caller == Who.ADMIN && !path.startsWith("/api/v1/partners");
    }

    /** The path with its ids as placeholders: {P}, {Q}, {DRAFT}... all name one endpoint. */
    private static String template(String path) {
        return path.replaceAll("\\{[A-Z0-9]+}", "{}");
    }

    /** A body whose every field is invalid: texts blank, numbers and amounts negative, ids not ids, lists of such. */
    @SuppressWarnings("unchecked")
    private static Object invalid(Object body) {
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> broken = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> broken.put(k, invalid(v)));
            return broken;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(SecurityMatrixIT::invalid).toList();
        }
        if (body instanceof Number) {
            return -1;
        }
        if (body instanceof String text) {
            return text.matches("-?[0-9.]+") ? "-1" : "";
        }
        return body;
    }

    private static void run(Cell cell, Map<String, Check> checks, Map<String, Set<Who>> markers, Map<String, Set<Who>> ids,
            List<String> wrong, List<String> checked) {
        Answer answer = send(cell.row(), cell.path(), f.token(cell.caller()));
        if (answer.status() != cell.expected()) {
            wrong.add(cell + " expected " + cell.expected() + ", got " + answer);
            return;
        }
        if (answer.status() >= 400 && !answer.isProblem()) {
            wrong.add(cell + " answered " + answer.status() + " without a problem body: " + answer.contentType());
        }
        markers.forEach((marker, audience) -> {
            if (!audience.contains(cell.caller()) && answer.body().contains(marker)) {
                wrong.add(cell + " leaked '" + marker + "' to " + cell.caller() + ": " + answer);
            }
        });
        if (answer.status() < 300) {
            ids.forEach((id, audience) -> {
                if (!audience.contains(cell.caller()) && answer.body().contains(id)) {
                    wrong.add(cell + " leaked id " + id + " to " + cell.caller() + ": " + answer);
                }
            });
        }
        Check check = checks.get(cell.caller() + " " + cell.row().request());
        if (check != null) {
            checked.add(cell.caller() + " " + cell.row().request());
            if (cell.row().method().endsWith("+csv")) {
                if (answer.contentType() == null || !answer.contentType().startsWith("text/csv")
                        || !answer.body().startsWith("contributionId,")) {
                    wrong.add(cell + ": " + check.what() + ": not the CSV export: " + answer);
                }
            } else if (!check.holds().test(answer.json())) {
                wrong.add(cell + ": " + check.what() + ": " + answer);
            }
        }
    }

    /** Every row without a token, and with tokens the platform must not accept: all 401 problems at the gateway. */
    private static List<String> unauthenticated(List<Row> rows) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("another realm's token", MatrixFixtures.masterAdminToken());
        tokens.put("a tampered token (REP's, claiming PEER's partner)", tampered(f.token(Who.REP),
                f.partnerOf.get(Who.REP), f.partnerOf.get(Who.PEER)));
        tokens.put("an unsigned token (alg none)", unsigned(f.token(Who.ADMIN)));
        tokens.put("a garbage token", "not-a-jwt");
        tokens.put("an expired token", f.expiredToken());
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Row row : rows) {
            if (!seen.add(row.request() + " " + row.body())) {
                continue;
            }
            String path = fill(row.path());
            tokens.forEach((name, token) -> {
                Answer answer = send(row, path, token);
                unauthenticatedRequests++;
                if (answer.status() != 401 || !answer.isProblem()) {
                    wrong.add("line " + row.line() + " " + row.method() + " " + path + " with " + name + ": " + answer);
                }
            });
        }
        return wrong;
    }

    private static Answer send(Row row, String path, String token) {
        boolean csv = row.method().endsWith("+csv");
        String method = csv ? "GET" : row.method();
        Call call = Call.of(method, path, token);
        if (csv) {
            call = call.header("Accept", "text/csv");
        }
        if (!"-".equals(row.body())) {
            call = call.body(body(row.body()));
        }
        if ((method.equals("PATCH") || method.equals("PUT") || path.endsWith("/pending-change/approve")) && token != null) {
            String resource = path.replaceAll("/(allocations|targets)$", "").replaceAll("/votes/[^/]+$", "").replaceAll("/pending-change/approve$", "");
            Answer current = f.call(Who.AUDITOR, "GET", resource).send();
            call = call.header("If-Match", current.header("ETag") == null ? "\"0\"" : current.header("ETag"));
        }
        return call.send();
    }

    private static Object body(String name) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String rep = f.partnerOf.get(Who.REP);
        String peer = f.partnerOf.get(Who.PEER);
        return switch (name) {
            case "ORG" -> MatrixFixtures.organisation("Second-" + UUID.randomUUID().toString().substring(0, 6), "COMMUNITY",
                    UUID.randomUUID().toString());
            case "RENAME" -> Map.of("name", "Hijacked");
            case "DESCRIBE" -> Map.of("description", "described by the matrix");
            case "MEMBER" -> Map.of("user", f.colleague.username());
            case "REASON" -> Map.of("reason", "matrix");
            case "PREFERENCES" -> Map.of("preferences", List.of(Map.of("kind", "RISK_ALLOCATED", "channel", "DIGEST")));
            case "PROJECT" -> Map.of("title", "Matrix new project", "purpose", "made by the matrix", "dimensions", List.of("HEALTH"),
                    "plannedStart", "2027-01-01", "plannedEnd", "2027-06-30");
            case "REPLAN" -> Map.of("purpose", "replanned by the matrix");
            case "INVITE_OUT" -> Map.of("partnerId", f.partnerOf.get(Who.OUTSIDER), "role", "ADVISOR", "message", "matrix");
            case "INDICATOR" -> Map.of("name", "Jobs found", "unit", "people", "baseline", "0", "target", "10");
            case "MEASURE" -> Map.of("value", "3", "measuredAt", today);
            case "TARGETS" -> Map.of("targets", List.of(Map.of("value", "20", "dueDate", "2027-03-31"), Map.of("value", "40", "dueDate", "2027-08-31")));
            case "NEED" -> Map.of("projectId", f.project, "type", "STAFF_HOURS", "quantity", "50", "unit", "hours");
            case "NEED_Q" -> Map.of("projectId", f.other, "type", "STAFF_HOURS", "quantity", "50", "unit", "hours");
            case "PLEDGE" -> Map.of("projectId", f.project, "type", "IN_KIND", "quantity", "2", "unit", "boxes");
            case "PLEDGE_AS_PEER" -> Map.of("projectId", f.project, "partnerId", peer, "type", "IN_KIND", "quantity", "2", "unit", "boxes");
            case "PLEDGE_Q" -> Map.of("projectId", f.other, "type", "IN_KIND", "quantity", "2", "unit", "boxes");
            case "DELIVERY" -> Map.of("quantity", "1", "deliveredOn", today);
            case "NOTE" -> Map.of("note", "matrix");
            case "CORRECTION" -> Map.of("quantity", "4", "deliveredOn", today, "corrects", f.d2);
            case "RISK" -> MatrixFixtures.risk(f.project, "Matrix risk", rep);
            case "RISK_Q" -> MatrixFixtures.risk(f.other, "Matrix risk", peer);
            case "SHARES" -> List.of(Map.of("partnerId", rep, "sharePercent", "60"), Map.of("partnerId", peer, "sharePercent", "40"));
            case "MITIGATED" -> Map.of("status", "MITIGATED", "note", "matrix");
            case "PROPOSAL" -> Map.of("type", "RESOLUTION", "title", "Matrix proposal", "payload", Map.of("text", "mx-p-proposal-text"));
            case "VOTE" -> Map.of("choice", "APPROVE", "comment", "mx-p-vote-comment");
            default -> throw new IllegalArgumentException("no body named " + name);
        };
    }

    private static String fill(String path) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{P}", f.project);
        values.put("{DRAFT}", f.draft);
        values.put("{Q}", f.other);
        values.put("{C1}", f.c1);
        values.put("{C2}", f.c2);
        values.put("{C3}", f.c3);
        values.put("{CQ}", f.cq);
        values.put("{D1}", f.d1);
        values.put("{D2}", f.d2);
        values.put("{R}", f.risk);
        values.put("{R2}", f.risk2);
        values.put("{I}", f.indicator);
        values.put("{M}", f.measurement);
        values.put("{PR}", f.proposal);
        values.put("{N}", f.notification);
        values.put("{LEADP}", f.partnerOf.get(Who.LEAD));
        values.put("{REPP}", f.partnerOf.get(Who.REP));
        values.put("{PEERP}", f.partnerOf.get(Who.PEER));
        values.put("{OUTP}", f.partnerOf.get(Who.OUTSIDER));
        values.put("{PENDING}", f.pendingPartner);
        values.put("{REPU}", f.users.get(Who.REP).id());
        values.put("{OUTU}", f.users.get(Who.OUTSIDER).id());
        values.put("{NEWU}", f.colleague.id());
        values.put("{RANDOM}", randomId);
        String filled = path;
        for (var e : values.entrySet()) {
            filled = filled.replace(e.getKey(), e.getValue());
        }
        if (filled.contains("{")) {
            throw new IllegalArgumentException("unknown placeholder in " + path);
        }
        return filled;
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String[] lines = MATRIX.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+");
            if (cells.length != 3 + COLUMNS.size()) {
                throw new IllegalArgumentException("matrix line " + (i + 1) + " has " + cells.length + " cells: " + line);
            }
            Map<Who, Integer> expected = new EnumMap<>(Who.class);
            for (int c = 0; c < COLUMNS.size(); c++) {
                if (!cells[3 + c].equals("-")) {
                    expected.put(COLUMNS.get(c), Integer.parseInt(cells[3 + c]));
                }
            }
            rows.add(new Row(i + 1, cells[0], cells[1], cells[2], expected));
        }
        return rows;
    }

    private static boolean has(JsonNode items, String field, String value) {
        return StreamSupport.stream(items.spliterator(), false).anyMatch(i -> value.equals(i.path(field).asText()));
    }

    private static boolean all(JsonNode items, Predicate<JsonNode> condition) {
        return items.isArray() && StreamSupport.stream(items.spliterator(), false).allMatch(condition);
    }

    /** The token with its payload changed (partner_id of another partner) and the original signature. */
    static String tampered(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace(from, to);
        if (!payload.contains(to)) {
            throw new IllegalStateException("nothing to tamper with");
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

    /** The token's claims under {@code alg: none}, without a signature. */
    static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        return header + "." + token.split("\\.")[1] + ".";
    }
}
