package org.partnership.e2e.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnership.e2e.Platform;
import org.partnership.stack.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partnership.e2e.browser.ConsoleBrowser.check;
import static org.partnership.e2e.browser.ConsoleBrowser.newContext;
import static org.partnership.e2e.browser.ConsoleBrowser.signIn;

/**
 * A service that does not answer, seen in the browser: resources-service stopped, a project's commitments page says a
 * service is slow or unavailable (503), with no stack trace; once it is back, the same page works again.
 * <p>
 * It runs after the suite's audit of 5xx answers ({@code ServerErrorAuditIT}), whose count the 503s it provokes on
 * purpose would spoil, and before the fault injection.
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith({Platform.class, ConsoleBrowser.class})
class ConsoleOutageIT {

    @Test
    void aServiceThatDoesNotAnswerGetsAClearMessageNeverAStackTrace() {
        ConsoleStack platform = ConsoleBrowser.platform();
        String admin = platform.newUser("admin", "admin");
        String coordinator = platform.newUser("coordinator", "coordinator");
        platform.joinVerified(coordinator, admin, "Comune di Guasto", "PUBLIC", List.of("HOUSING"));
        String project = platform.openProject(coordinator, "Progetto Guasto");
        List<String> errors = new CopyOnWriteArrayList<>();
        BrowserContext context = newContext(errors);
        Page page = signIn(context, coordinator);
        String commitments = platform.consoleUrl + "/console/projects/" + project + "/commitments";
        assertThat(page.navigate(commitments).status()).as("the commitments page while every service answers").isEqualTo(200);
        platform.stack.stop(Component.RESOURCES);
        try {
            Response answer = page.navigate(commitments);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(page.locator("#failure").textContent()).contains("slow or unavailable");
            assertThat(page.content()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
            check(page, "unavailable");
        } finally {
            // the stack is shared with the fault injection that runs next: back on its port and data, ready, whatever happened
            platform.stack.restart(Component.RESOURCES);
        }
        await("the commitments page once resources-service is back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> page.navigate(commitments).status() == 200);
        // the browser reports the 503s it was shown (the outage, and any while the service came back) as errors: those
        // are the answers this test asked for; anything else is a fault of the page
        errors.removeIf(error -> error.startsWith("Failed to load resource: the server responded with a status of 503"));
        assertThat(errors).isEmpty();
        context.close();
    }
}
