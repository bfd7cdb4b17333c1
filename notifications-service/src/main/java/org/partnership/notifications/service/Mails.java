package org.partnership.notifications.service;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnership.notifications.domain.Recipient;

import java.util.List;

/** The e-mail of a notification, and of a daily digest, in the recipient's language (Qute templates under mail/). */
@ApplicationScoped
public class Mails {

    /** A rendered e-mail. */
    public record Mail(String subject, String text, String html) {
    }

    /** One line of a digest. */
    @TemplateData
    public record DigestItem(String text, String link) {
    }

    private final Engine engine;
    private final String consoleUrl;

    public Mails(Engine engine, @ConfigProperty(name = "partnership.notifications.console-url") String consoleUrl) {
        this.engine = engine;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    /** The absolute console address of a console path such as {@code /projects/<id>}. */
    public String link(String path) {
        return consoleUrl + path;
    }

    public Mail notification(Recipient to, String text, String path) {
        String language = to.language();
        String subject = Texts.bundle(language).subject(text);
        return new Mail(subject, render("notification", language, "txt", to, text, path),
                render("notification", language, "html", to, text, path));
    }

    private String render(String name, String language, String format, Recipient to, String text, String path) {
        return engine.getTemplate("mail/" + name + "_" + language + "." + format)
                .data("username", to.username()).data("text", text).data("link", link(path))
                .data("preferences", link("/notifications/preferences")).render();
    }

    public Mail digest(Recipient to, List<DigestItem> items) {
        String language = to.language();
        String subject = Texts.bundle(language).digestSubject(items.size());
        return new Mail(subject, digest(language, "txt", to, items), digest(language, "html", to, items));
    }

    private String digest(String language, String format, Recipient to, List<DigestItem> items) {
        return engine.getTemplate("mail/digest_" + language + "." + format)
                .data("username", to.username()).data("items", items).data("inbox", link("/notifications")).render();
    }
}
