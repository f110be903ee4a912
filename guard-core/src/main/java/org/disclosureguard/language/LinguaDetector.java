package org.disclosureguard.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Lingua (statistical n-gram models) over the covered languages it knows and the Latin-script languages most
 * likely to reach a shelter's records otherwise, so that "none of ours" can win. Text in another script never
 * gets here ({@link LanguageGate} decides it by script). One detector per set of covered languages; Lingua keeps
 * its models in static maps, loaded on first use.
 */
final class LinguaDetector {

    /**
     * Latin-script languages a note might be written or pasted in that the guard has no dictionary for: the other
     * languages of Western Europe, of migrants' routes and of West and Central Africa, and Latin and Esperanto
     * for machine-made text.
     */
    static final Set<Language> OTHERS = EnumSet.of(
            Language.ITALIAN, Language.GERMAN, Language.DUTCH, Language.CATALAN, Language.ROMANIAN, Language.LATIN,
            Language.TAGALOG, Language.INDONESIAN, Language.MALAY, Language.SWAHILI, Language.YORUBA, Language.SOMALI,
            Language.VIETNAMESE, Language.TURKISH, Language.POLISH, Language.AFRIKAANS, Language.ESPERANTO,
            Language.SHONA, Language.ZULU, Language.XHOSA, Language.GANDA, Language.SOTHO, Language.TSWANA,
            Language.TSONGA, Language.ALBANIAN, Language.CZECH, Language.HUNGARIAN, Language.SWEDISH,
            Language.DANISH, Language.BOKMAL, Language.FINNISH, Language.IRISH, Language.WELSH, Language.BASQUE,
            Language.MAORI, Language.AZERBAIJANI, Language.CROATIAN, Language.SLOVAK, Language.SLOVENE,
            Language.LITHUANIAN, Language.LATVIAN, Language.ESTONIAN, Language.ICELANDIC, Language.BOSNIAN);

    private final LanguageDetector detector;

    LinguaDetector(Set<String> coveredCodes) {
        Set<Language> languages = EnumSet.copyOf(OTHERS);
        for (String code : coveredCodes) {
            Language language = byCode(code);
            if (language != null) {
                languages.add(language);
            }
        }
        this.detector = LanguageDetectorBuilder.fromLanguages(languages.toArray(new Language[0]))
                .withLowAccuracyMode()
                .build();
    }

    /**
     * The likeliest language, how far ahead of the next it is (1 minus the runner-up's relative confidence), and
     * the relative confidence of every language.
     */
    record Detection(String language, double margin, Map<String, Double> relative) {
        /** The relative confidence of the likeliest covered language (1 when it is the top), 0 when none scored. */
        double coveredBest(java.util.Set<String> covered) {
            Map.Entry<String, Double> best = likeliestCovered(covered);
            return best == null ? 0 : best.getValue();
        }

        /** The covered language within {@link LanguageGate#UNDECIDED_MARGIN} of the top, if any. */
        String coveredRunnerUp(java.util.Set<String> covered) {
            Map.Entry<String, Double> best = likeliestCovered(covered);
            return best != null && best.getValue() >= 1 - LanguageGate.UNDECIDED_MARGIN ? best.getKey() : null;
        }

        private Map.Entry<String, Double> likeliestCovered(java.util.Set<String> covered) {
            Map.Entry<String, Double> best = null;
            for (Map.Entry<String, Double> entry : relative.entrySet()) {
                if (covered.contains(entry.getKey()) && entry.getValue() > 0
                        && (best == null || entry.getValue() > best.getValue())) {
                    best = entry;
                }
            }
            return best;
        }
    }

    /** The likeliest language (ISO 639-1, lower case), or null when Lingua cannot tell. */
    Detection likeliest(String text) {
        SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(text);
        Language top = null;
        double topValue = 0;
        double secondValue = 0;
        for (Map.Entry<Language, Double> entry : values.entrySet()) {
            if (entry.getValue() > topValue) {
                secondValue = topValue;
                topValue = entry.getValue();
                top = entry.getKey();
            } else if (entry.getValue() > secondValue) {
                secondValue = entry.getValue();
            }
        }
        if (top == null || top == Language.UNKNOWN || topValue <= 0) {
            return null;
        }
        Map<String, Double> relative = new java.util.HashMap<>();
        for (Map.Entry<Language, Double> entry : values.entrySet()) {
            relative.put(code(entry.getKey()), entry.getValue() / topValue);
        }
        return new Detection(code(top), 1 - secondValue / topValue, relative);
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** Whether Lingua has a model for this ISO 639-1 code. */
    static boolean knows(String code) {
        return byCode(code) != null;
    }

    private static Language byCode(String code) {
        try {
            Language language = Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
            return language == Language.UNKNOWN ? null : language;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
