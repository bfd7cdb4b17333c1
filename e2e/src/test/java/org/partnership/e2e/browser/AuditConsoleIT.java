package org.partnership.e2e.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.e2e.Platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnership.e2e.browser.ConsoleBrowser.SHOTS;
import static org.partnership.e2e.browser.ConsoleBrowser.check;
import static org.partnership.e2e.browser.ConsoleBrowser.newContext;
import static org.partnership.e2e.browser.ConsoleBrowser.signIn;

/**
 * The audit trail in the console (issue #22), in a real browser signed in through Keycloak against the real platform:
 * the auditor filters the trail by project and sees the journey's entries with the people who made them, the chain's
 * verification says intact, and the CSV downloads with its header and rows; a participant reads its project's history
 * from the project page and has no audit trail (no link, a 403 page); another partner's representative sees nothing
 * of the project's history. axe-core checks each new screen.
 */
@ExtendWith({Platform.class, ConsoleBrowser.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditConsoleIT {

    private ConsoleStack platform;
    private String auditor;
    private String coordinator;
    private String charityRep;
    private String outsiderRep;
    private String project;

    @BeforeAll
    void setUp() {
        platform = ConsoleBrowser.platform();
        String admin = platform.newUser("admin", "admin");
        auditor = platform.newUser("auditor", "auditor");
        coordinator = platform.newUser("coordinator", "coordinator");
        charityRep = platform.newUser("charity", "partner-rep");
        outsiderRep = platform.newUser("outsider", "partner-rep");
        platform.joinVerified(coordinator, admin, "Comune di Registro", "PUBLIC", List.of("HOUSING", "WELFARE"));
        String charity = platform.joinVerified(charityRep, admin, "Mensa del Registro", "THIRD_SECTOR", List.of("HOUSING", "WELFARE"));
        platform.joinVerified(outsiderRep, admin, "Altra Cooperativa", "THIRD_SECTOR", List.of("HOUSING"));
        project = platform.openProject(coordinator, "Registro Aperto");
        platform.join(coordinator, project, charity, charityRep, "SERVICE_PROVIDER");
    }

    @Test
    @Order(1)
    void auditorFiltersByProjectVerifiesTheChainAndDownloadsTheCsv() throws Exception {
        BrowserContext context = newContext();
        Page page = signIn(context, auditor);
        page.click("#nav-audit");
        page.waitForURL(url -> url.endsWith("/console/audit"));
        page.fill("#f-projectId", project);
        page.click("#audit-filter");
        page.waitForURL(url -> url.contains("projectId=" + project));
        // the journey's events reach the trail through the broker: the auditor looks again until the last is there
        await("the project's entries in the audit screen").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    page.reload();
                    return page.locator(".audit-entry .audit-action").allTextContents().contains("partnership.participant.accepted.v1");
                });
        assertThat(page.locator("#f-projectId").inputValue()).isEqualTo(project);
        List<String> actions = page.locator(".audit-entry .audit-action").allTextContents();
        assertThat(actions).contains("partnership.project.created.v1", "partnership.project.opened.v1",
                "partnership.participant.invited.v1", "partnership.participant.accepted.v1");
        assertThat(actorOf(page, "partnership.project.created.v1")).isEqualTo(coordinator);
        assertThat(actorOf(page, "partnership.participant.accepted.v1")).isEqualTo(charityRep);
        // the chain is verified on request (it reads every entry), keeping the filters
        page.click("#audit-verify");
        assertThat(page.locator("#f-projectId").inputValue()).isEqualTo(project);
        assertThat(page.locator("#verify-result").getAttribute("data-valid")).isEqualTo("true");
        assertThat(page.locator("#verify-result").textContent()).contains("intact");
        check(page, "audit-trail");

        Download download = page.waitForDownload(() -> page.click("#audit-csv"));
        assertThat(download.suggestedFilename()).isEqualTo("audit.csv");
        Path csv = SHOTS.resolveSibling("downloads").resolve("audit-project.csv");
        download.saveAs(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("seq,eventId,time,action,");
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(actions.size())
                .allMatch(line -> line.contains(project), "every row is about the project")
                .anyMatch(line -> line.contains("partnership.participant.accepted.v1") && line.contains(charityRep));
        context.close();
    }

    @Test
    @Order(2)
    void participantReadsItsProjectsHistoryButNotTheTrail() {
        BrowserContext context = newContext();
        Page page = signIn(context, charityRep);
        assertThat(page.locator("#nav-audit").count()).isZero();
        page.navigate(platform.consoleUrl + "/console/projects/" + project);
        page.click("#history-link");
        page.locator("#history-title").waitFor();
        assertThat(page.locator(".audit-entry .audit-action").allTextContents()).contains("partnership.project.created.v1",
                "partnership.participant.accepted.v1");
        assertThat(actorOf(page, "partnership.project.created.v1")).isEqualTo(coordinator);
        check(page, "audit-history");

        var refused = page.navigate(platform.consoleUrl + "/console/audit");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(page.locator(".audit-entry").count()).isZero();
        assertThat(page.request().get(platform.consoleUrl + "/console/audit.csv").status()).isEqualTo(403);
        context.close();
    }

    @Test
    @Order(3)
    void anotherPartnersRepresentativeSeesNothingOfTheProjectsHistory() {
        BrowserContext context = newContext();
        Page page = signIn(context, outsiderRep);
        assertThat(page.locator("#nav-audit").count()).isZero();
        var answer = page.navigate(platform.consoleUrl + "/console/projects/" + project + "/history");
        assertThat(answer.status()).isIn(200, 404);
        assertThat(page.locator(".audit-entry").count()).isZero();
        assertThat(page.content()).doesNotContain(coordinator).doesNotContain(charityRep);
        assertThat(page.navigate(platform.consoleUrl + "/console/audit").status()).isEqualTo(403);
        context.close();
    }

    private static String actorOf(Page page, String action) {
        return page.locator(".audit-entry").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(action))
                .first().locator(".audit-actor").textContent().trim();
    }
}
