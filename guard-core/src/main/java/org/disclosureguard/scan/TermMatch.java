package org.disclosureguard.scan;

/**
 * One therapy-term hit. {@code term} is the dictionary entry as written in the policy; {@code start}/{@code end}
 * are UTF-16 offsets into the ORIGINAL text (end exclusive) spanning the source characters of the first through
 * the last matched letter, for highlighting. A hit inside encoded text spans the whole encoded run, and
 * {@code encoding} names the encoding(s) it was found under ("base64", "base64/hex"); null for plain text.
 */
public record TermMatch(String term, int start, int end, String encoding) {

    public TermMatch(String term, int start, int end) {
        this(term, start, end, null);
    }
}
