package org.disclosureguard.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** What the policy does with a field of a given classification. */
public enum Action {
    /** The field may be forwarded (if the enforcement schema has a place for it). */
    PASS,
    /** The field is removed before forwarding; the record is forwarded redacted. */
    DROP,
    /** Free text: forwarded only if the content scan finds nothing, otherwise the whole record is held. */
    SCAN,
    /** If the field has any content, the whole record is held for review. */
    HOLD;

    /**
     * How much of a field this action keeps from enforcement: pass (0) forwards it, scan (1) forwards it unless
     * the text matches, drop (2) never forwards it, hold (3) keeps the whole record back. A policy change that
     * lowers a field's strictness widens what may cross.
     */
    public int strictness() {
        return switch (this) {
            case PASS -> 0;
            case SCAN -> 1;
            case DROP -> 2;
            case HOLD -> 3;
        };
    }

    @JsonCreator
    public static Action parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown action '" + text + "' (expected pass, drop, scan or hold)");
        }
    }
}
