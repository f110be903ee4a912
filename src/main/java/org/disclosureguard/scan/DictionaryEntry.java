package org.disclosureguard.scan;

/**
 * One dictionary entry as the policy writes it (see {@link EntrySyntax}): a therapy term, or an exclusion (a
 * look-alike phrase that is not therapy: a term hit inside it does not count). A {@code matchCase} term counts
 * only when written in capitals, for abbreviations whose lower-case form is a common word ("NET", "ACT").
 */
public record DictionaryEntry(String text, boolean exclusion, boolean matchCase) {

    public static DictionaryEntry term(String text) {
        return new DictionaryEntry(text, false, false);
    }

    public static DictionaryEntry exclusion(String text) {
        return new DictionaryEntry(text, true, false);
    }
}
