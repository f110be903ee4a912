package org.disclosureguard.scan;

import java.util.List;

/**
 * What a scan found in one text: therapy-term hits, signals of text the guard cannot vouch for, and the texts it
 * decoded out of encoded runs (so that the caller can check their language as well).
 */
public record ScanResult(List<TermMatch> matches, List<TextSignal> signals, List<String> decodedTexts) {

    static final ScanResult EMPTY = new ScanResult(List.of(), List.of(), List.of());
}
