package org.disclosureguard.language;

/**
 * Whether a text is in a language the dictionary covers, and how that was decided: {@code language} is an ISO
 * 639-1 code (or a script name for text in another script), {@code method} "markers", "detector", "script" or
 * "short" (too few words to tell; the content scan still applies).
 */
public record LanguageVerdict(boolean covered, String language, String method, double confidence) {

    static LanguageVerdict covered(String language, String method, double confidence) {
        return new LanguageVerdict(true, language, method, confidence);
    }

    static LanguageVerdict notCovered(String language, String method, double confidence) {
        return new LanguageVerdict(false, language, method, confidence);
    }

    /** For a reviewer: "fr (detector, 0.93)". Carries no text. */
    public String describe() {
        return language + " (" + method + (confidence > 0 ? String.format(java.util.Locale.ROOT, ", %.2f", confidence) : "") + ")";
    }
}
