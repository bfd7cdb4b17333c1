package org.partnership.audit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.partnership.audit.domain.AuditChain;
import org.partnership.audit.domain.AuditEntry;

import java.util.List;
import java.util.UUID;

/**
 * Recomputes the chain from its start (the first entry, or the retention anchor) to its end, a batch at a time, and
 * names the first entry that does not fit: its content no longer matches its hash, or its previous hash is not the hash
 * of the entry before it (one was removed, inserted or reordered), or its position skips one.
 */
@ApplicationScoped
public class ChainVerifier {

    static final int BATCH = 1000;

    private final AuditReader reader;

    public ChainVerifier(AuditReader reader) {
        this.reader = reader;
    }

    /** The first broken link, if any. */
    public record BrokenLink(long seq, UUID eventId, String reason) {
    }

    /** The verification's outcome: entries checked, the last seq and hash, and the first broken link (null: intact). */
    public record Verification(boolean valid, long entries, Long lastSeq, String lastHash, BrokenLink firstBroken) {
    }

    public Uni<Verification> verify() {
        return reader.anchor().chain(anchor -> {
            long startSeq = anchor == null ? 0 : (Long) anchor[0];
            String startHash = anchor == null ? AuditChain.GENESIS : (String) anchor[1];
            return next(startSeq, startHash, 0);
        });
    }

    private Uni<Verification> next(long afterSeq, String prevHash, long checked) {
        return reader.chainAfter(afterSeq, BATCH).chain(batch -> {
            long expectedSeq = afterSeq + 1;
            String prev = prevHash;
            long count = checked;
            for (AuditEntry entry : batch) {
                String broken = entry.seq() != expectedSeq ? "entry " + expectedSeq + " is missing before it"
                        : AuditChain.broken(entry, prev);
                if (broken != null) {
                    return Uni.createFrom().item(new Verification(false, count, afterSeq == 0 && count == 0 ? null : expectedSeq - 1, prev,
                            new BrokenLink(entry.seq(), entry.eventId(), broken)));
                }
                prev = entry.hash();
                expectedSeq++;
                count++;
            }
            if (batch.size() < BATCH) {
                return Uni.createFrom().item(new Verification(true, count, count == 0 ? null : expectedSeq - 1,
                        count == 0 ? null : prev, null));
            }
            return next(expectedSeq - 1, prev, count);
        });
    }

}
