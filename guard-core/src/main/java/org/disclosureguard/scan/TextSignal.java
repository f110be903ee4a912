package org.disclosureguard.scan;

/**
 * Something in a text that the guard cannot vouch for, apart from therapy terms: where it is (UTF-16 offsets into
 * the original text, end exclusive) and what it is. Signals carry no text, only their kind and span.
 */
public record TextSignal(Kind kind, int start, int end) {

    /** What was found. */
    public enum Kind {
        /** An explicit bidirectional control (embedding, override, isolate): what a reader sees is not the order of the text. */
        BIDI_CONTROL,
        /** A word that mixes Latin letters with letters of a script whose letters pass for Latin (UTS #39). */
        MIXED_SCRIPT,
        /** A long run of base64 or hex that does not decode to text: nobody can say what it holds. */
        OPAQUE
    }
}
