package org.partnership.partners.domain;

/** Policy fields a partner works in and a project spans (its dimensions). */
public enum ServiceDomain {
    WELFARE, HEALTH, HOUSING, EMPLOYMENT, EDUCATION, JUSTICE, CULTURE, ENVIRONMENT, YOUTH, ELDERLY_CARE,
    MIGRATION, TRANSPORT, SPORT
}
