package org.partnership.e2e.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.partnership.e2e.Platform;
import org.partnership.stack.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's browser tests share: the suite's platform seen from the console ({@link ConsoleStack}; the
 * stack itself is {@link Platform}'s, so a class declares {@code @ExtendWith({Platform.class, ConsoleBrowser.class})}, in
 * that order) and Debian's Chromium driven by Playwright, started once for the whole run by the first class that uses
 * them and closed at its end, also when tests fail; and the browser steps every test takes: a fresh context, the sign-in
 * through Keycloak's login page, axe-core's check with the screenshots. Each class creates its own users and organisations (unique names), so the classes stay
 * independent of each other and of their order; one that stops a part of the stack starts it again before it ends.
 */
final class ConsoleBrowser implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SHOTS = Paths.get(System.getProperty("console.screenshots", "target/screenshots"));

    private static ConsoleStack platform;
    private static Playwright playwright;
    private static Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "WARNING: no " + CHROMIUM + " on this machine (apt-get install chromium; "
                + ".ci/run installs it): the console's browser tests are SKIPPED");
        synchronized (ConsoleBrowser.class) {
            if (platform == null) {
                // registered first: closed at the end of the run whatever happens below
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("console-browser", this);
                platform = ConsoleStack.on(Platform.stack());
                playwright = Playwright.create();
                browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                                "--disable-sync")));
            } else {
                // a class before may have stopped a service to show what people see then: it started it again
                List<Component> down = platform.stack.config().services().stream().filter(s -> !platform.stack.isAlive(s)).toList();
                assertThat(down).as("services of the shared stack that are down").isEmpty();
            }
        }
    }

    @Override
    public void close() {
        synchronized (ConsoleBrowser.class) {
            try {
                if (browser != null) {
                    browser.close();
                }
            } finally {
                if (playwright != null) {
                    playwright.close();
                }
                browser = null;
                playwright = null;
                platform = null;
            }
        }
    }

    /** The platform of this run (started by the extension before the class's {@code @BeforeAll} methods). */
    static ConsoleStack platform() {
        return platform;
    }

    /** A fresh browser (its own cookies: nobody signed in), 1280 px wide, in English. */
    static BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
    }

    /**
     * The same, recording the errors the browser reports for the console's pages into {@code errors}. A 422 is not
     * one: it is the console re-rendering a form with the API's problem beside its field, which the journeys provoke on
     * purpose; the browser reports that answer's status as an error, but the page is the point.
     */
    static BrowserContext newContext(List<String> errors) {
        BrowserContext context = newContext();
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && message.location() != null && message.location().contains("/console")
                    && !message.text().startsWith("Failed to load resource: the server responded with a status of 422")) {
                errors.add(message.text() + " at " + message.location());
            }
        });
        return context;
    }

    /** Signs the user in through Keycloak's login page in this browser; the console's home page. */
    static Page signIn(BrowserContext context, String username) {
        return platform.signIn(context, username);
    }

    /** axe-core: no serious or critical violation; screenshots at 1280 and 360 px in {@link #SHOTS}. */
    static void check(Page page, String name) {
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
}
