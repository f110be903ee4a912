package org.disclosureguard.scan;

/**
 * One therapy-term hit. {@code term} is the dictionary entry as written in the dictionary;
 * {@code start}/{@code end} are UTF-16 offsets into the ORIGINAL text (end exclusive) spanning
 * the source characters of the first through the last matched letter, for highlighting.
 */
public record TermMatch(String term, int start, int end) {
}
