package org.disclosureguard.language;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A language the dictionary covers, with its marker words: frequent function words, folded like scanned text. The
 * share of a text's words that are one language's markers is the cheap signal of what language it is in.
 */
public record LanguageProfile(String code, String name, Set<String> markers) {

    public static LanguageProfile of(String code, String name, List<String> markerWords) {
        Set<String> folded = new HashSet<>();
        for (String word : markerWords) {
            folded.addAll(MarkerWords.of(word));
        }
        return new LanguageProfile(code, name, Set.copyOf(folded));
    }
}
