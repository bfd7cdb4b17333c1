package org.partnership.audit.service;

import java.util.Set;
import java.util.UUID;

/**
 * Who reads the trail. Auditors and administrators read every entry; anyone else reads the entries of the projects
 * their partner takes part in (lead or accepted participant, from the projects.v1 replica) and the entries about their
 * partner or made by its people ({@code partner_id} claim); a user who represents no partner reads none.
 */
public record Reader(String username, Set<String> roles, UUID partnerId) {

    public boolean readsEverything() {
        return roles.contains("auditor") || roles.contains("admin");
    }
}
