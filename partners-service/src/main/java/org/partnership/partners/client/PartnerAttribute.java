package org.partnership.partners.client;

/** The Keycloak user attribute (and token claim) that names the partner a user represents. */
public final class PartnerAttribute {

    public static final String NAME = "partner_id";

    private PartnerAttribute() {
    }
}
