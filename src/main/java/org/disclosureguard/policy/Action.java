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

    @JsonCreator
    public static Action parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown action '" + text + "' (expected pass, drop, scan or hold)");
        }
    }
}
