package org.partnership.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.partnership.console.i18n.Languages;

import java.net.URI;

/** The start page (who am I, where to go) and the language switch. */
@Path("/console")
public class HomeResource {

    private final View view;
    private final AwaitingVotesResource governance;
    private final Template home;
    private final Template signedOut;

    public HomeResource(View view, AwaitingVotesResource governance, @Location("home.html") Template home,
            @Location("signed-out.html") Template signedOut) {
        this.view = view;
        this.governance = governance;
        this.home = home;
        this.signedOut = signedOut;
    }

    /** Where RP-initiated logout lands (public): the Keycloak session has ended. */
    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return view.fragment(signedOut);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return view.page(home).data("awaitingVotes", governance.awaitingCount());
    }

    /** Remembers the chosen language (a cookie, a year) and goes back to the page the user was on. */
    @GET
    @Path("lang/{lang}")
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        String target = back != null && back.startsWith("/console") && !back.startsWith("//") ? back : "/console";
        String chosen = Languages.SUPPORTED.contains(lang) ? lang : "en";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(Languages.COOKIE).value(chosen).path("/").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build())
                .build();
    }
}
