package org.disclosureguard.policy;

import org.disclosureguard.scan.TextSignal;

/**
 * The reasons text is held for being unreadable rather than for what it says, each keyed in the policy's
 * {@code contentScan.holdReasons} with its rule id, explanation and legal basis.
 */
public enum TextHold {
    BIDI_CONTROL("bidi-control"),
    MIXED_SCRIPT("mixed-script"),
    OPAQUE("opaque"),
    LANGUAGE_NOT_COVERED("language-not-covered");

    private final String key;

    TextHold(String key) {
        this.key = key;
    }

    /** The key under {@code contentScan.holdReasons}. */
    public String key() {
        return key;
    }

    public static TextHold of(TextSignal.Kind kind) {
        return switch (kind) {
            case BIDI_CONTROL -> BIDI_CONTROL;
            case MIXED_SCRIPT -> MIXED_SCRIPT;
            case OPAQUE -> OPAQUE;
        };
    }
}
