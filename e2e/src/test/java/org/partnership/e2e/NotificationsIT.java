package org.partnership.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #23's acceptance on the real stack: people learn what needs them without polling. The coordinator invites the
 * food bank, and the food bank's representative, whose account is in Italian, finds an in-app notification and an
 * e-mail in GreenMail's mailbox, both in Italian, with the link into the console; an overdue pledge reaches the
 * contributor's representative and the lead's the same way (resources-service's overdue job runs every 5 s here,
 * PARTNERSHIP_OVERDUE_CRON in the e2e pom). Nobody reads another user's notifications.
 */
@ExtendWith(Platform.class)
class NotificationsIT {

    static final String API = "/api/v1/notifications";

    /** Sets a user's language in Keycloak (its locale attribute, which the token carries as the claim locale). */
    static void speaks(Platform.User user, String locale) {
        String admin = given().baseUri(Platform.stack().keycloakUrl()).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String users = "/admin/realms/partnership/users/" + user.id();
        Map<String, Object> representation = given().baseUri(Platform.stack().keycloakUrl()).auth().oauth2(admin)
                .get(users).then().statusCode(200).extract().as(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = representation.get("attributes") instanceof Map<?, ?> a
                ? new java.util.HashMap<>((Map<String, Object>) a) : new java.util.HashMap<>();
        attributes.put("locale", List.of(locale));
        representation.put("attributes", attributes);
        given().baseUri(Platform.stack().keycloakUrl()).auth().oauth2(admin).contentType("application/json")
                .body(representation).put(users).then().statusCode(204);
        Eventually.holds(() -> assertThat(PartnerOnboardingIT.claim(user.token(), "locale")).isEqualTo(locale));
    }

    static String email(Platform.User user) {
        return user.username() + "@e2e.example.org";
    }

    /** A message GreenMail received: its decoded subject and the raw MIME text. */
    record Mail(String subject, String raw) {
    }

    /** The user's mailbox in the stack's GreenMail, read through its HTTP API ({@code /api/user/<address>/messages/}). */
    static List<Mail> mailbox(Platform.User user) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            Platform.stack().mailUrl() + "/api/user/" + java.net.URLEncoder.encode(email(user), java.nio.charset.StandardCharsets.UTF_8)
                                    + "/messages/")).timeout(java.time.Duration.ofSeconds(10)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            List<Mail> mails = new java.util.ArrayList<>();
            if (response.statusCode() == 200) {
                RawHttp.JSON.readTree(response.body()).forEach(m -> mails.add(new Mail(m.path("subject").asText(), m.path("mimeMessage").asText())));
            }
            return mails;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GreenMail did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonPath notifications(Platform.User user) {
        return Platform.as(user.token()).get(API).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldTellTheInvitedFoodBankInTheAppAndByEmailInItsRepresentativesLanguage() {
        Platform.User admin = Platform.newUser("admin", "admin");
        Platform.User carla = Platform.newUser("coordinator", "coordinator", "partner-rep");
        Platform.User tom = Platform.newUser("foodbank", "partner-rep");
        speaks(tom, "it");
        Platform.User stranger = Platform.newUser("stranger", "partner-rep");
        String city = Organisations.joinVerified(carla, admin, new Organisations.Registration("City of Notices " + UUID.randomUUID(),
                "Local authority", "PUBLIC", "LOCAL", List.of("WELFARE")));
        String bankName = "Banco Alimentare " + UUID.randomUUID().toString().substring(0, 8);
        String bank = Organisations.joinVerified(tom, admin, new Organisations.Registration(bankName, "Registered charity",
                "THIRD_SECTOR", "LOCAL", List.of("WELFARE")));
        assertThat(city).isNotEqualTo(bank);
        String title = "Pasti caldi " + UUID.randomUUID().toString().substring(0, 8);
        String project = Projects.createAndOpen(carla.token(), title, List.of("WELFARE"));
        Projects.invite(carla.token(), project, bank, "SERVICE_PROVIDER");

        String expected = bankName + " è invitato a partecipare al progetto \"" + title + "\"";
        Eventually.holds(() -> {
            JsonPath inbox = notifications(tom);
            assertThat(inbox.getList("items.kind", String.class)).contains("INVITED", "PARTNER_VERIFIED");
            assertThat(inbox.getString("items.find { it.kind == 'INVITED' }.text")).isEqualTo(expected);
            assertThat(inbox.getString("items.find { it.kind == 'INVITED' }.path")).isEqualTo("/invitations");
            assertThat(inbox.getInt("unread")).isGreaterThanOrEqualTo(2);
        });
        Eventually.holds(() -> assertThat(mailbox(tom)).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Partnership: " + expected);
            assertThat(mail.raw()).contains("Ciao " + tom.username()).contains("/console/invitations");
        }));

        // nobody reads or marks another user's notifications
        String invitation = notifications(tom).getString("items.find { it.kind == 'INVITED' }.id");
        assertThat(notifications(stranger).getList("items.id", String.class)).doesNotContain(invitation);
        Platform.as(stranger.token()).post(API + "/" + invitation + "/read").then().statusCode(404);
        Platform.as(carla.token()).post(API + "/" + invitation + "/read").then().statusCode(404);
        Platform.as(tom.token()).post(API + "/" + invitation + "/read").then().statusCode(204);
        assertThat(notifications(tom).getBoolean("items.find { it.kind == 'INVITED' }.read")).isTrue();

        // the lead hears the answer, in English (its coordinator set no language)
        Projects.accept(tom.token(), project, bank);
        Eventually.holds(() -> assertThat(notifications(carla).getString("items.find { it.kind == 'INVITATION_ANSWERED' }.text"))
                .isEqualTo(bankName + " accepted the invitation to \"" + title + "\""));
    }

    @Test
    void shouldTellTheContributorAndTheLeadOfAnOverduePledge() {
        Platform.User admin = Platform.newUser("admin", "admin");
        Platform.User carla = Platform.newUser("coordinator", "coordinator", "partner-rep");
        Platform.User mark = Platform.newUser("market", "partner-rep");
        Organisations.joinVerified(carla, admin, new Organisations.Registration("City of Deadlines " + UUID.randomUUID(),
                "Local authority", "PUBLIC", "LOCAL", List.of("EMPLOYMENT")));
        String companyName = "Nordlicht " + UUID.randomUUID().toString().substring(0, 8);
        String company = Organisations.joinVerified(mark, admin, new Organisations.Registration(companyName, "Aktiengesellschaft",
                "MARKET", "NATIONAL", List.of("EMPLOYMENT")));
        String title = "Apprenticeships " + UUID.randomUUID().toString().substring(0, 8);
        String project = Projects.createAndOpen(carla.token(), title, List.of("EMPLOYMENT"));
        Projects.invite(carla.token(), project, company, "FUNDER");
        Projects.accept(mark.token(), project, company);
        String contribution = Eventually.answers(201, () -> Platform.as(mark.token()).body(Map.of("projectId", project,
                "type", "FUNDING", "quantity", "5000", "unit", "EUR", "dueDate", LocalDate.now().plusDays(10).toString(),
                "description", "Apprentices' wages")).post("/api/v1/contributions")).path("id");

        // days pass: the due date moves into the past (the one change behind the API, as in JourneysIT)
        LocalDate due = LocalDate.now().minusDays(3);
        var stack = Platform.stack();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("resources"), stack.config().external().postgresUser(),
                stack.config().external().postgresPassword());
             PreparedStatement update = db.prepareStatement("update contribution set due_date = ? where id = ?")) {
            update.setObject(1, due);
            update.setObject(2, UUID.fromString(contribution));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        String expected = "The pledge of 5000 EUR by " + companyName + " to \"" + title + "\" was due on " + due + " and is overdue";
        Eventually.holds(() -> {
            assertThat(notifications(mark).getString("items.find { it.kind == 'PLEDGE_OVERDUE' }.text")).isEqualTo(expected);
            assertThat(notifications(mark).getString("items.find { it.kind == 'PLEDGE_OVERDUE' }.path")).isEqualTo("/contributions");
            assertThat(notifications(carla).getString("items.find { it.kind == 'PLEDGE_OVERDUE' }.text")).isEqualTo(expected);
            assertThat(notifications(carla).getString("items.find { it.kind == 'PLEDGE_RECEIVED' }.text"))
                    .isEqualTo(companyName + " pledged 5000 EUR to \"" + title + "\"");
        });
        Eventually.holds(() -> {
            assertThat(mailbox(mark)).anySatisfy(mail -> assertThat(mail.subject()).isEqualTo("Partnership: " + expected));
            assertThat(mailbox(carla)).anySatisfy(mail -> assertThat(mail.subject()).isEqualTo("Partnership: " + expected));
        });
    }
}
