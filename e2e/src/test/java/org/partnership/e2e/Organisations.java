package org.partnership.e2e;

import java.util.List;
import java.util.Map;

/**
 * Organisations as they join the platform: a representative registers one, an administrator verifies it, and from
 * the representative's next sign-in the token names it (partners-service links the user in Keycloak).
 */
final class Organisations {

    private Organisations() {
    }

    /** An organisation as its representative registers it. */
    record Registration(String name, String legalForm, String sector, String level, List<String> serviceDomains) {

        Map<String, Object> body(String registrationNumber) {
            return Map.of("name", name, "legalForm", legalForm, "registrationNumber", registrationNumber, "country", "GB",
                    "sector", sector, "level", level, "serviceDomains", serviceDomains,
                    "contactEmail", "office@" + registrationNumber.toLowerCase() + ".example.org");
        }
    }

    /** Registers the organisation as {@code representative}, has {@code admin} verify it, and waits for the link. */
    static String joinVerified(Platform.User representative, Platform.User admin, Registration registration) {
        String id = Platform.as(representative.token()).body(registration.body("REG-" + representative.id().substring(0, 8)))
                .post("/api/v1/partners").then().statusCode(201).extract().path("id");
        Platform.as(admin.token()).body(Map.of("reason", "Checked the register"))
                .post("/api/v1/partners/" + id + "/verify").then().statusCode(200);
        Eventually.holds(() -> org.assertj.core.api.Assertions.assertThat(
                PartnerOnboardingIT.claim(representative.token(), "partner_id")).isEqualTo(id));
        return id;
    }
}
