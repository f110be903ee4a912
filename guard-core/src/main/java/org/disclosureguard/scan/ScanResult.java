package org.disclosureguard.scan;

import java.util.List;

/**
 * What a scan found in one text: therapy-term hits, signals of text the guard cannot vouch for, the texts it
 * decoded out of encoded runs (so that the caller can check their language as well), and the text with those runs
 * blanked ({@code withoutEncodedRuns}, null when it had none), for reading as prose: a base64 run is words only
 * decoded.
 */
public record ScanResult(List<TermMatch> matches, List<TextSignal> signals, List<String> decodedTexts,
                         String withoutEncodedRuns) {

    static final ScanResult EMPTY = new ScanResult(List.of(), List.of(), List.of(), null);

    /** The text to read as prose: {@code text} itself, or without its encoded runs. */
    public CharSequence prose(CharSequence text) {
        return withoutEncodedRuns == null ? text : withoutEncodedRuns;
    }
}
