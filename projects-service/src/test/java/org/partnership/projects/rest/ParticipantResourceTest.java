package org.partnership.projects.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.partnership.projects.Fixtures;
import org.partnership.testsupport.Tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.partnership.projects.Fixtures.PROJECTS;
import static org.partnership.projects.Fixtures.partner;
import static org.partnership.projects.Fixtures.post;
import static org.partnership.testsupport.Tokens.as;

/** Invitations and participation over HTTP with real tokens, PostgreSQL and Kafka. */
@QuarkusTest
class ParticipantResourceTest {

    @Test
    void shouldNotLetAPartnerSuspendedAfterItsInvitationAcceptIt() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String path = PROJECTS + "/" + Fixtures.createProject(lead);
        post(coordinator, path + "/open", 200);
        UUID charity = partner("THIRD_SECTOR");
        UUID company = partner("MARKET");
        invite(coordinator, path, charity);
        invite(coordinator, path, company);

        // an administrator suspends both in partners-service; the events reach this service's replica through Kafka
        Fixtures.publishPartner("suspended", charity, "Suspended Charity", "THIRD_SECTOR", "SUSPENDED", 2);
        Fixtures.publishPartner("suspended", company, "Suspended Company", "MARKET", "SUSPENDED", 2);

        as(Tokens.partnerRep(charity)).post(path + "/participants/" + charity + "/accept").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("urn:partnership:problem:partner-not-active"))
                .body("detail", containsString("Suspended Charity"))
                .body("detail", containsString("SUSPENDED"));
        participantStatus(coordinator, path, charity, "INVITED");
        // declining stays possible: nobody is kept in a project
        post(Tokens.partnerRep(company), path + "/participants/" + company + "/decline", 200);
        participantStatus(coordinator, path, company, "DECLINED");

        Fixtures.publishPartner("reinstated", charity, "Reinstated Charity", "THIRD_SECTOR", "ACTIVE", 3);
        post(Tokens.partnerRep(charity), path + "/participants/" + charity + "/accept", 200);
        participantStatus(coordinator, path, charity, "ACCEPTED");
    }

    @Test
    void shouldPageThroughAProjectsParticipantsLeadFirst() {
        UUID lead = partner("PUBLIC");
        String coordinator = Tokens.coordinator(lead);
        String path = PROJECTS + "/" + Fixtures.createProject(lead);
        UUID charity = partner("THIRD_SECTOR");
        UUID company = partner("MARKET");
        invite(coordinator, path, charity);
        invite(coordinator, path, company);

        String next = as(coordinator).queryParam("limit", 2).get(path + "/participants").then().statusCode(200)
                .body("items.partnerId", is(List.of(lead.toString(), charity.toString())))
                .body("items[0].role", is("LEAD")).body("items[1].partnerName", notNullValue())
                .body("next", notNullValue()).extract().path("next");
        as(Tokens.auditor()).queryParam("limit", 2).queryParam("cursor", next).get(path + "/participants").then().statusCode(200)
                .body("items.partnerId", is(List.of(company.toString()))).body("items[0].status", is("INVITED"))
                .body("next", nullValue());
        as(coordinator).get(path + "/participants").then().statusCode(200).body("items", hasSize(3)).body("next", nullValue());
        as(coordinator).queryParam("limit", 101).get(path + "/participants").then().statusCode(400).body("errors.field", hasItem("limit"));
        as(coordinator).queryParam("cursor", "garbage!").get(path + "/participants").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    static void invite(String coordinator, String path, UUID partner) {
        as(coordinator).body(Map.of("partnerId", partner.toString(), "role", "CO_PRODUCER", "message", "Join us"))
                .post(path + "/participants").then().statusCode(201);
    }

    static void participantStatus(String token, String path, UUID partner, String status) {
        as(token).get(path).then().statusCode(200)
                .body("participants.find { it.partnerId == '%s' }.status".formatted(partner), is(status));
    }
}
