package org.partnership.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 hash chain: an entry's hash is SHA-256 over its content and the previous entry's hash (the first entry's
 * previous hash is {@link #GENESIS}), written as a JSON array of strings and nulls in a fixed order, so the same
 * entry always hashes the same and changing any field, or the order, breaks the chain from that entry on.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry ever. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private AuditChain() {
    }

    public static String hash(AuditEntry entry) {
        try {
            byte[] content = CANONICAL.writeValueAsBytes(entry.content());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(content));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash audit entry " + entry.seq(), e);
        }
    }

    /** Why an entry does not fit the chain after {@code expectedPrevHash}, or null when it does. */
    public static String broken(AuditEntry entry, String expectedPrevHash) {
        if (!expectedPrevHash.equals(entry.prevHash())) {
            return "its previous hash is not the hash of the entry before it (an entry was removed, inserted or reordered)";
        }
        if (!hash(entry).equals(entry.hash())) {
            return "its content does not match its hash (the entry was changed after it was recorded)";
        }
        return null;
    }
}
