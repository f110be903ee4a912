package org.disclosureguard.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.audit.ScreeningDecision;

/**
 * The audit hash chain: each decision's hash covers its whole content (policy version and the previous
 * decision's hash included), so that in the chain of an input partition a removed, altered, inserted or
 * reordered decision breaks a link. The hashed form is the decision's single-object encoding with {@code hash}
 * unset, which is deterministic for equal values.
 */
public final class AuditChain {
    /** One digest per thread: looking a MessageDigest up for every decision showed in the per-record cost. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(AuditChain::sha256);

    private AuditChain() {}

    /** Sets previousHash and hash on the decision; returns the new hash (the next decision's previous). */
    public static String link(ScreeningDecision decision, String previousHash) {
        decision.setPreviousHash(previousHash);
        String hash = hashOf(decision);
        decision.setHash(hash);
        return hash;
    }

    /** The hash the decision should carry, whatever it carries now. */
    public static String hashOf(ScreeningDecision decision) {
        String carried = decision.getHash();
        decision.setHash(null);
        try {
            return HexFormat.of().formatHex(SHA_256.get().digest(AvroBytes.of(decision::toByteBuffer)));
        } finally {
            decision.setHash(carried);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
