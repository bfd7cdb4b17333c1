package org.partnership.console.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in a real browser (Debian's Chromium driven by Playwright) against the real platform, signing in through
 * Keycloak's own login page: the coordinator sets up a project and launches it, the third-sector representative
 * accepts, pledges and records a delivery, which the coordinator disputes, the representative corrects and the
 * coordinator confirms (the delivery ledger); axe-core checks each main screen; screenshots at 1280 and 360 px go to
 * target/screenshots; and the BFF's security promises are checked from the browser's side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneysIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SHOTS = Paths.get(System.getProperty("console.screenshots", "target/screenshots"));
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private ConsoleStack platform;
    private Playwright playwright;
    private Browser browser;
    private String coordinator;
    private String charityRep;
    private String city;
    private String charity;
    private String project;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "WARNING: no " + CHROMIUM + " on this machine (apt-get install chromium; "
                + ".ci/run installs it): the console's browser tests are SKIPPED");
        platform = ConsoleStack.start();
        String admin = platform.newUser("admin", "admin");
        coordinator = platform.newUser("coordinator", "coordinator");
        charityRep = platform.newUser("charity", "partner-rep");
        city = platform.joinVerified(coordinator, admin, "Comune di Riva", "PUBLIC", List.of("HOUSING", "WELFARE"));
        charity = platform.joinVerified(charityRep, admin, "Banco Alimentare Riva", "THIRD_SECTOR", List.of("HOUSING", "WELFARE"));
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void coordinatorCreatesInvitesDeclaresRegistersARiskAndRepresentativeAcceptsAndPledges() {
        BrowserContext coordinatorBrowser = newContext();
        Page page = signIn(coordinatorBrowser, coordinator);
        assertThat(page.locator("#me-username").textContent()).isEqualTo(coordinator);
        assertThat(page.locator("#me-partner").textContent()).contains("Comune di Riva");
        check(page, "home");

        // create: the city's verification reaches projects-service as an event, so the first attempts may be refused
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.navigate(platform.consoleUrl + "/console/projects/new");
            page.fill("#title", "Casa Prima Riva");
            page.fill("#purpose", "Homes with support for people sleeping rough");
            page.check("input[name=dimensions][value=HOUSING]");
            page.fill("#plannedStart", today.plusDays(30).toString());
            page.fill("#plannedEnd", today.plusDays(300).toString());
            page.click("#create-project");
            return page.url().matches(".*/console/projects/[0-9a-f-]{36}$");
        });
        project = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(page.locator("#project-status").textContent()).isEqualTo("DRAFT");
        page.click("#open-project");
        assertThat(page.locator("#project-status").textContent()).isEqualTo("OPEN");

        // a need with a missing quantity: the API's problem shows beside the field, and what was typed stays
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.navigate(platform.consoleUrl + "/console/projects/" + project);
            page.selectOption("#need-type", "VOLUNTEER_HOURS");
            page.fill("#need-quantity", "");
            page.fill("#need-unit", "hours");
            page.click("#declare-need");
            return page.locator("#need-quantity-err").count() == 1 || page.locator("#flash").count() == 1;
        });
        assertThat(page.inputValue("#need-unit")).isEqualTo("hours");
        page.fill("#need-quantity", "100");
        page.fill("#need-unit", "hours");
        page.fill("#need-description", "Tenancy support visits");
        page.click("#declare-need");
        assertThat(page.locator("#needs-table").textContent()).contains("VOLUNTEER_HOURS").contains("Tenancy support visits");

        page.selectOption("#risk-category", "SAFEGUARDING");
        page.fill("#risk-title", "Safeguarding incident during visits");
        page.selectOption("#risk-likelihood", "2");
        page.selectOption("#risk-impact", "5");
        page.click("#register-risk");
        assertThat(page.locator("#risks").textContent()).contains("Safeguarding incident during visits");
        check(page, "project");

        // find the charity by sector and invite it
        page.click("#find-partners");
        page.selectOption("#f-sector", "THIRD_SECTOR");
        page.click("#search-partners");
        page.locator("[data-partner='" + charity + "'] button").waitFor();
        check(page, "partners");
        page.selectOption("#role-" + charity, "SERVICE_PROVIDER");
        page.fill("#message-" + charity, "Would you run the visits?");
        page.locator("[data-partner='" + charity + "'] button").click();
        assertThat(page.locator("#participants").textContent()).contains("Banco Alimentare Riva").contains("INVITED");

        // the representative accepts and pledges
        BrowserContext repBrowser = newContext();
        Page rep = signIn(repBrowser, charityRep);
        rep.navigate(platform.consoleUrl + "/console/invitations");
        assertThat(rep.locator("[data-project='" + project + "']").textContent()).contains("Casa Prima Riva")
                .contains("Comune di Riva").contains("Would you run the visits?");
        check(rep, "invitations");
        rep.locator("[data-project='" + project + "'] button.accept").click();
        assertThat(rep.url()).endsWith("/console/projects/" + project);

        String due = today.plusDays(60).toString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            rep.navigate(platform.consoleUrl + "/console/pledge/" + project);
            rep.selectOption("#p-need", new com.microsoft.playwright.options.SelectOption().setIndex(1));
            rep.selectOption("#p-type", "VOLUNTEER_HOURS");
            rep.fill("#p-quantity", "100");
            rep.fill("#p-unit", "hours");
            rep.fill("#p-amount", "1500.50");
            rep.fill("#p-due", due);
            if (!rep.url().contains("/console/contributions")) {
                check(rep, "pledge");
            }
            rep.click("#pledge");
            return rep.url().contains("/console/contributions");
        });
        assertThat(rep.locator("#contributions").textContent()).contains("Casa Prima Riva").contains("VOLUNTEER_HOURS")
                .contains("€1,500.50");
        String contribution = rep.locator("#contributions tbody tr").first().getAttribute("data-contribution");
        rep.fill("#d-" + contribution, "40");
        rep.locator("[data-contribution='" + contribution + "'] form.deliver button").click();
        assertThat(rep.locator("[data-contribution='" + contribution + "']").textContent()).contains("PARTIALLY_DELIVERED");
        check(rep, "contributions");

        // the coordinator allocates the risk (the live sum reaches 100 %) and launches once ready
        whenRefused(page, "allocation-refused", () -> await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            // no "#risks": a URL that differs only by its fragment would scroll the page the coordinator already has
            // (rendered before the representative accepted) instead of loading it again
            page.navigate(platform.consoleUrl + "/console/projects/" + project);
            page.fill("#share-" + risk(page) + "-" + city, "40");
            page.fill("#share-" + risk(page) + "-" + charity, "60");
            page.locator("#sum-" + risk(page)).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("100"))
                    .waitFor();
            page.locator("form.allocation button").click();
            return page.locator("#risks").textContent().contains("100 % allocated");
        }));
        whenRefused(page, "launch-refused", () -> await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.navigate(platform.consoleUrl + "/console/projects/" + project);
            if (page.locator("#launch-project").count() == 0) {
                return true;
            }
            page.click("#launch-project");
            return "ACTIVE".equals(page.locator("#project-status").textContent());
        }));
        assertThat(page.locator("#project-status").textContent()).isEqualTo("ACTIVE");

        page.navigate(platform.consoleUrl + "/console/projects");
        assertThat(page.locator("#projects").textContent()).contains("Casa Prima Riva").contains("ACTIVE");
        check(page, "projects");
        page.navigate(platform.consoleUrl + "/console/projects/" + project + "/dashboard");
        assertThat(page.locator("svg.heat").count()).isEqualTo(1);
        assertThat(page.locator("main").textContent()).contains("VOLUNTEER_HOURS");
        check(page, "dashboard");

        assertThat(consoleErrors).isEmpty();
        coordinatorBrowser.close();
        repBrowser.close();
    }

    @Test
    @Order(2)
    void sessionCookieIsHttpOnlyAndSameSiteAndPagesCarryNoToken() {
        BrowserContext context = newContext();
        Page page = signIn(context, coordinator);
        List<Cookie> session = context.cookies().stream().filter(c -> c.name.startsWith("q_session")).toList();
        assertThat(session).isNotEmpty();
        assertThat(session).allSatisfy(c -> {
            assertThat(c.httpOnly).isTrue();
            assertThat(c.sameSite).isEqualTo(SameSiteAttribute.LAX);
            // the tokens are in the cookie only as an encrypted JWE (5 parts), never a readable JWT (3 parts)
            assertThat(c.value.split("\\.", -1)).hasSize(5);
        });
        for (String path : List.of("/console", "/console/projects", "/console/projects/" + project,
                "/console/projects/" + project + "/dashboard")) {
            page.navigate(platform.consoleUrl + path);
            assertThat(page.content()).as(path).doesNotContain("eyJ").doesNotContain("access_token");
        }
        context.close();
    }

    @Test
    @Order(3)
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        BrowserContext context = newContext();
        Page page = signIn(context, coordinator);
        var response = page.request().post(platform.consoleUrl + "/console/projects/" + project + "/needs",
                com.microsoft.playwright.options.RequestOptions.create().setForm(FormData.create().set("type", "FUNDING")
                        .set("quantity", "1").set("unit", "EUR").set("key", "k-" + System.nanoTime())));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("Nothing was changed");
        page.navigate(platform.consoleUrl + "/console/projects/" + project);
        assertThat(page.locator("#needs-table").textContent()).doesNotContain("FUNDING");
        context.close();
    }

    @Test
    @Order(4)
    void signingOutEndsTheKeycloakSession() {
        BrowserContext context = newContext();
        Page page = signIn(context, coordinator);
        page.click("#sign-out");
        page.locator("#signed-out").waitFor();
        page.navigate(platform.consoleUrl + "/console");
        // Keycloak asks for the password again: its session ended too, not only the console's
        page.locator("#username").waitFor();
        assertThat(page.url()).startsWith(platform.stack.keycloakUrl());
        context.close();
    }

    /**
     * The delivery ledger in the console (issue #19): the representative records a delivery, the coordinator (the
     * recipient side) disputes it with a reason, the representative corrects it, the coordinator confirms the correction,
     * and the project's dashboard and the representative's contributions show the confirmed total.
     */
    @Test
    @Order(5)
    void representativeDeliversCoordinatorDisputesRepresentativeCorrectsCoordinatorConfirms() {
        BrowserContext repBrowser = newContext();
        Page rep = signIn(repBrowser, charityRep);
        rep.navigate(platform.consoleUrl + "/console/contributions");
        String contribution = rep.locator("#contributions tbody tr").first().getAttribute("data-contribution");
        rep.fill("#d-" + contribution, "20");
        rep.locator("[data-contribution='" + contribution + "'] form.deliver button").click();
        assertThat(rep.locator("[data-contribution='" + contribution + "'] td.disputed").textContent()).isEqualTo("0");

        // the coordinator sees both deliveries (40 earlier, 20 now) and disputes the new one; a reason is required
        BrowserContext coordinatorBrowser = newContext();
        Page page = signIn(coordinatorBrowser, coordinator);
        page.navigate(platform.consoleUrl + "/console/projects/" + project);
        assertThat(page.locator("#deliveries-table tbody tr").count()).isEqualTo(2);
        String delivery = page.locator("#deliveries-table tbody tr").last().getAttribute("data-delivery");
        assertThat(page.locator("#delivery-" + delivery).getAttribute("data-review")).isEqualTo("UNREVIEWED");
        check(page, "deliveries");
        page.click("#dispute-" + delivery);
        assertThat(page.locator("#reason-" + delivery + "-err").textContent()).contains("Say why");
        assertThat(page.getAttribute("#reason-" + delivery, "aria-invalid")).isEqualTo("true");
        page.fill("#reason-" + delivery, "The timesheets show 15 hours");
        page.click("#dispute-" + delivery);
        assertThat(page.locator("#delivery-" + delivery).getAttribute("data-review")).isEqualTo("DISPUTED");
        assertThat(page.locator("#delivery-" + delivery).textContent()).contains("The timesheets show 15 hours");

        // the representative sees the dispute and records what was actually delivered
        rep.navigate(platform.consoleUrl + "/console/contributions");
        assertThat(rep.locator("#disputed-" + delivery).textContent()).contains("The timesheets show 15 hours");
        assertThat(rep.locator("[data-contribution='" + contribution + "'] td.disputed").textContent()).isEqualTo("20");
        check(rep, "disputes");
        rep.fill("#cq-" + delivery, "15");
        rep.fill("#cn-" + delivery, "Timesheets attached");
        rep.click("#correct-" + delivery);
        assertThat(rep.locator("#disputed-" + delivery).count()).isZero();
        assertThat(rep.locator("[data-contribution='" + contribution + "'] td.disputed").textContent()).isEqualTo("0");

        // the coordinator confirms the correction and the first delivery; the disputed one names its correction
        page.navigate(platform.consoleUrl + "/console/projects/" + project);
        assertThat(page.locator("#delivery-" + delivery).textContent()).contains("replaced by a correction");
        assertThat(page.locator("#confirm-" + delivery).count()).isZero();
        List<String> open = page.locator("#deliveries-table tbody tr[data-review='UNREVIEWED']").all().stream()
                .map(row -> row.getAttribute("data-delivery")).toList();
        assertThat(open).hasSize(2);
        for (String d : open) {
            page.click("#confirm-" + d);
            assertThat(page.locator("#delivery-" + d).getAttribute("data-review")).isEqualTo("CONFIRMED");
        }
        assertThat(page.locator("#deliveries-table").textContent()).contains("Confirmed 55");

        page.navigate(platform.consoleUrl + "/console/projects/" + project + "/dashboard");
        assertThat(page.locator("#contributions-by-partner tr[data-partner='" + charity + "'] td.confirmed").textContent())
                .startsWith("55");
        rep.navigate(platform.consoleUrl + "/console/contributions");
        assertThat(rep.locator("[data-contribution='" + contribution + "'] td.confirmed").textContent()).isEqualTo("55");
        assertThat(consoleErrors).isEmpty();
        coordinatorBrowser.close();
        repBrowser.close();
    }

    /** A step that awaits the console's answer; when it never comes, the screen as it was is kept as evidence. */
    private static void whenRefused(Page page, String name, Runnable step) {
        try {
            step.run();
        } catch (org.awaitility.core.ConditionTimeoutException refused) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
            throw new AssertionError(name + ": " + page.locator("main").textContent().replaceAll("\\s+", " "), refused);
        }
    }

    private String risk(Page page) {
        String id = page.locator("#risks article.risk").first().getAttribute("id");
        return id.substring("risk-".length());
    }

    private BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        context.onConsoleMessage(message -> {
            // a 422 is the console re-rendering a form with the API's problem beside its field, which the journey
            // provokes on purpose; the browser reports that answer's status as an error, but the page is the point
            if ("error".equals(message.type()) && message.location() != null && message.location().contains("/console")
                    && !message.text().startsWith("Failed to load resource: the server responded with a status of 422")) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
        return context;
    }

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(platform.consoleUrl + "/console");
        page.fill("#username", username);
        page.fill("#password", ConsoleStack.PASSWORD);
        page.click("#kc-login");
        page.locator("#me-username").waitFor();
        return page;
    }

    /** axe-core: no serious or critical violation; screenshots at 1280 and 360 px. */
    private void check(Page page, String name) {
        var results = new AxeBuilder(page).analyze();
        List<String> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getId() + ": " + r.getHelp() + " " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        page.setViewportSize(1280, 900);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-1280.png")).setFullPage(true));
        page.setViewportSize(360, 740);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + "-360.png")).setFullPage(true));
        page.setViewportSize(1280, 900);
        assertThat(bad).as("axe on " + name).isEmpty();
    }

    @SuppressWarnings("unused")
    private static String ids(List<Rule> rules) {
        return rules.stream().map(Rule::getId).toList().toString();
    }
}
