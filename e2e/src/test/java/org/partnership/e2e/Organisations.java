package org.partnership.e2e;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * A partnership across the three sectors: a city (public), a charity (third sector) and a company (market), each
     * registered by its own new representative and verified by one new administrator.
     */
    record ThreeSectors(Platform.User admin, Platform.User coordinator, Platform.User charityRep, Platform.User companyRep,
                        String city, String charity, String company) {

        /** "&lt;place&gt; City", "&lt;place&gt; Charity" and "&lt;place&gt; Company" (with a short unique suffix), serving housing and employment. */
        static ThreeSectors join(String place) {
            return join(id -> new Registration(place + " City " + id, "Municipality", "PUBLIC", "LOCAL", List.of("HOUSING")),
                    id -> new Registration(place + " Charity " + id, "Registered charity", "THIRD_SECTOR", "LOCAL", List.of("HOUSING")),
                    id -> new Registration(place + " Company " + id, "Aktiengesellschaft", "MARKET", "NATIONAL", List.of("EMPLOYMENT")));
        }

        /** Each registration is made from a short id of its representative (for names that must not repeat). */
        static ThreeSectors join(Function<String, Registration> city, Function<String, Registration> charity,
                Function<String, Registration> company) {
            Platform.User admin = Platform.newUser("admin", "admin");
            Platform.User coordinator = Platform.newUser("coordinator", "coordinator");
            Platform.User charityRep = Platform.newUser("charity", "partner-rep");
            Platform.User companyRep = Platform.newUser("company", "partner-rep");
            return new ThreeSectors(admin, coordinator, charityRep, companyRep,
                    joinVerified(coordinator, admin, city.apply(coordinator.id().substring(0, 6))),
                    joinVerified(charityRep, admin, charity.apply(charityRep.id().substring(0, 6))),
                    joinVerified(companyRep, admin, company.apply(companyRep.id().substring(0, 6))));
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
