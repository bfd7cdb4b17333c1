package org.partnership.console.web;

import io.quarkus.qute.TemplateGlobal;

import java.util.List;

/** The API's enumerations, for the forms' choices (the API validates; these only offer the values). */
@TemplateGlobal
public final class Options {

    static final List<String> domains = List.of("WELFARE", "HEALTH", "HOUSING", "EMPLOYMENT", "EDUCATION", "JUSTICE", "CULTURE",
            "ENVIRONMENT", "YOUTH", "ELDERLY_CARE", "MIGRATION", "TRANSPORT", "SPORT");
    static final List<String> sectors = List.of("PUBLIC", "THIRD_SECTOR", "MARKET", "COMMUNITY");
    static final List<String> levels = List.of("LOCAL", "REGIONAL", "NATIONAL", "INTERNATIONAL");
    static final List<String> participantRoles = List.of("CO_PRODUCER", "FUNDER", "SERVICE_PROVIDER", "ADVISOR");
    static final List<String> governanceRules = List.of("LEAD_DECIDES", "MAJORITY", "CONSENSUS", "CROSS_SECTOR_MAJORITY");
    static final List<String> contributionTypes = List.of("FUNDING", "STAFF_HOURS", "VOLUNTEER_HOURS", "FACILITY", "EQUIPMENT",
            "EXPERTISE", "IN_KIND");
    static final List<String> riskCategories = List.of("DEMAND", "FINANCIAL", "OPERATIONAL", "DELIVERY", "REGULATORY",
            "REPUTATIONAL", "SAFEGUARDING", "DATA_PROTECTION", "FORCE_MAJEURE");
    static final List<String> orgFields = List.of("name", "legalForm", "registrationNumber", "country", "contactEmail");
    static final List<String> contributionStatuses = List.of("PLEDGED", "PARTIALLY_DELIVERED", "DELIVERED", "FULFILLED", "WITHDRAWN");
    static final List<String> partnerStatuses = List.of("PENDING_VERIFICATION", "ACTIVE", "SUSPENDED");
    static final List<Integer> scale = List.of(1, 2, 3, 4, 5);
    static final List<String> changeDecisions = List.of("approve", "reject");

    private Options() {
    }
}
