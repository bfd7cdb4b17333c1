package org.partnership.projects.domain;

/** Policy fields a project spans (its dimensions); the same names as partners' service domains. */
public enum ServiceDomain {
    WELFARE, HEALTH, HOUSING, EMPLOYMENT, EDUCATION, JUSTICE, CULTURE, ENVIRONMENT, YOUTH, ELDERLY_CARE,
    MIGRATION, TRANSPORT, SPORT
}
