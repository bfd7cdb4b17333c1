package org.partnership.resources.messaging;

/** The types and aggregate names of the events this service publishes on {@code resources.v1}. */
public final class ResourceEvents {

    public static final String NEED_DECLARED = "partnership.need.declared.v1";
    public static final String CONTRIBUTION_PLEDGED = "partnership.contribution.pledged.v1";
    public static final String CONTRIBUTION_DELIVERED = "partnership.contribution.delivered.v1";
    public static final String CONTRIBUTION_FULFILLED = "partnership.contribution.fulfilled.v1";
    public static final String CONTRIBUTION_WITHDRAWN = "partnership.contribution.withdrawn.v1";
    public static final String CONTRIBUTION_OVERDUE = "partnership.contribution.overdue.v1";
    public static final String RISK_REGISTERED = "partnership.risk.registered.v1";
    public static final String RISK_ALLOCATED = "partnership.risk.allocated.v1";
    public static final String RISK_STATUS_CHANGED = "partnership.risk.status-changed.v1";
    public static final String RESOURCES_SUMMARISED = "partnership.project.resources-summarised.v1";

    public static final String NEED = "need";
    public static final String CONTRIBUTION = "contribution";
    public static final String RISK = "risk";
    public static final String PROJECT = "project";

    private ResourceEvents() {
    }
}
