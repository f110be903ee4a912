package org.disclosureguard.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether free text is in a language the dictionary covers; text that is not, or not confidently, is
 * held (a guard cannot vouch for what it cannot read). Cheap signals first:
 * <ol>
 *   <li>script: text mostly in another script (Arabic, Cyrillic, Devanagari, Han ...) is not covered;</li>
 *   <li>the marker profile: a sentence whose words are plainly one covered language's function words is in that
 *       language (this alone settles most sentences, and is the only signal for languages the detector does not
 *       model, such as Haitian Creole);</li>
 *   <li>otherwise the statistical detector ({@link LinguaDetector}) over the covered languages and the other
 *       Latin-script languages likely to appear: covered only if a covered language wins with confidence.</li>
 * </ol>
 * Each sentence long enough to tell is judged on its own, so a paragraph in another language inside an English
 * note is found. Text too short to tell is let through to the content scan (it is not held for its language).
 * Thread-safe.
 */
public final class LanguageGate {

    /** Fewer words than this cannot be told apart; the content scan still reads them. */
    static final int MIN_WORDS = 5;
    /** Sentences are judged in segments of at least this many words (short sentences join the next). */
    static final int SEGMENT_WORDS = 6;
    /**
     * A marker profile is conclusive when at least this share of the words are function words of the covered
     * languages ...
     */
    static final double MARKER_SHARE = 0.3;
    /** With this share of function words, one marker of one covered language alone (and none of another) decides. */
    static final double DENSE_MARKER_SHARE = 0.4;
    /** ... at least this many are markers of one language alone ... */
    static final int MIN_MARKERS = 2;
    /** ... this many times more than those of any other covered language alone ... */
    static final double MARKER_LEAD = 2.0;
    /** ... and markers of languages without a dictionary are fewer than this share of the covered ones. */
    static final double FOREIGN_LIMIT = 0.5;
    /**
     * For a covered language the detector does not model (Haitian Creole), markers alone decide, at this lower
     * share, when no other language's markers are as many.
     */
    static final double UNMODELLED_MARKER_SHARE = 0.2;
    /** Below this margin the detector has not decided between its top two languages. */
    static final double UNDECIDED_MARGIN = 0.1;
    /** When the detector is undecided, this share of function words with one covered language's markers decides. */
    static final double UNDECIDED_MARKER_SHARE = 0.2;
    /** This many words spelled with letters no covered language uses are evidence of another language ... */
    static final int FOREIGN_LETTERS = 2;
    /** ... when they are at least this share of the words. */
    static final double FOREIGN_WORD_SHARE = 0.15;
    /** Text whose letters are more than this share of another script is not in a covered language. */
    static final double FOREIGN_SCRIPT_SHARE = 0.3;

    private final Map<String, LanguageProfile> profiles = new LinkedHashMap<>();
    /** Each covered language's markers that no other covered language has: what tells them apart. */
    private final Map<String, LanguageProfile> exclusive = new LinkedHashMap<>();
    /** Every covered language's markers. */
    private final Set<String> coveredMarkers = new HashSet<>();
    /** Marker words of languages without a dictionary, less any that is also a covered language's marker. */
    private final Map<String, LanguageProfile> others = new LinkedHashMap<>();
    private final LinguaDetector detector;

    /** Letters outside ASCII that the covered languages write with (á, ñ, ç, è, ò ...), in lower case. */
    private final Set<Character> coveredLetters = new HashSet<>();

    /**
     * @param coveredText text written in the covered languages (their markers and dictionary entries): the
     *     letters outside ASCII it uses are the covered languages' alphabet
     */
    public LanguageGate(List<LanguageProfile> covered, List<LanguageProfile> otherLanguages, Iterable<String> coveredText) {
        for (String text : coveredText) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0xC0 && Character.isLetter(c)) {
                    coveredLetters.add(Character.toLowerCase(c));
                }
            }
        }
        Map<String, Integer> listedIn = new HashMap<>();
        for (LanguageProfile profile : covered) {
            profiles.put(profile.code(), profile);
            coveredMarkers.addAll(profile.markers());
            profile.markers().forEach(m -> listedIn.merge(m, 1, Integer::sum));
        }
        for (LanguageProfile profile : covered) {
            Set<String> own = new HashSet<>(profile.markers());
            own.removeIf(m -> listedIn.get(m) > 1);
            exclusive.put(profile.code(), new LanguageProfile(profile.code(), profile.name(), Set.copyOf(own)));
        }
        for (LanguageProfile other : otherLanguages) {
            Set<String> own = new HashSet<>(other.markers());
            own.removeAll(coveredMarkers);
            others.put(other.code(), new LanguageProfile(other.code(), other.name(), Set.copyOf(own)));
        }
        this.detector = new LinguaDetector(profiles.keySet());
    }

    /** The covered languages' codes. */
    public Set<String> coveredLanguages() {
        return Collections.unmodifiableSet(profiles.keySet());
    }

    /** The verdict on a whole text: the first sentence segment that is not covered decides. */
    public LanguageVerdict check(CharSequence text) {
        if (text == null) {
            return LanguageVerdict.covered("none", "short", 0);
        }
        String s = text.toString();
        String foreignScript = dominantForeignScript(s);
        if (foreignScript != null) {
            return LanguageVerdict.notCovered(foreignScript, "script", 0);
        }
        LanguageVerdict first = null;
        for (String segment : segments(s)) {
            LanguageVerdict verdict = checkSegment(segment);
            if (!verdict.covered()) {
                return verdict;
            }
            if (first == null || "short".equals(first.method())) {
                first = verdict;
            }
        }
        return first != null ? first : LanguageVerdict.covered("none", "short", 0);
    }

    LanguageVerdict checkSegment(String segment) {
        List<String> words = MarkerWords.of(segment);
        words.removeIf(word -> word.length() < 2 && !coveredMarkers.contains(word));
        if (words.size() < MIN_WORDS) {
            return LanguageVerdict.covered("none", "short", 0);
        }
        Ranking covered = rank(exclusive, words);
        Ranking foreign = rank(others, words);
        int functionWords = 0;
        for (String word : words) {
            if (coveredMarkers.contains(word)) {
                functionWords++;
            }
        }
        double share = (double) functionWords / words.size();
        // Evidence of another language: its markers, or letters no covered language spells with (ș, ő, ł, ễ ...).
        boolean noForeign = foreign.bestCount == 0 && foreignLetters(segment) < FOREIGN_LETTERS;
        boolean fewForeign = noForeign || foreign.bestCount < 2 && foreign.bestCount < FOREIGN_LIMIT * functionWords
                && foreignLetters(segment) < FOREIGN_LETTERS;
        if (covered.bestCount >= MIN_MARKERS && share >= MARKER_SHARE && covered.bestCount >= MARKER_LEAD * covered.secondCount
                && fewForeign) {
            return LanguageVerdict.covered(covered.best, "markers", share);
        }
        // Function words of the covered languages everywhere, at most one language's own among them, and nothing
        // of another language: prose in a covered language.
        if (covered.secondCount == 0 && share >= DENSE_MARKER_SHARE && noForeign) {
            String language = covered.best != null ? covered.best : rank(profiles, words).best;
            return LanguageVerdict.covered(language, "markers", share);
        }
        LinguaDetector.Detection detected = detector.likeliest(segment);
        if (detected != null && profiles.containsKey(detected.language())) {
            return LanguageVerdict.covered(detected.language(), "detector", detected.margin());
        }
        // The detector barely prefers another language (short and telegraphic notes, names, numbers), and nothing
        // in the text points away from the covered languages: the covered language it nearly chose, or the one
        // whose markers alone are there, decides.
        if (detected != null && detected.margin() < UNDECIDED_MARGIN && noForeign && covered.secondCount == 0) {
            if (covered.bestCount >= 1 && share >= UNDECIDED_MARKER_SHARE) {
                return LanguageVerdict.covered(covered.best, "markers", share);
            }
            if (detected.coveredRunnerUp(profiles.keySet()) != null) {
                return LanguageVerdict.covered(detected.coveredRunnerUp(profiles.keySet()), "detector", detected.margin());
            }
        }
        // A covered language the detector has no model for (Haitian Creole) cannot win there: its own markers
        // decide, when no other covered language's and no other language's markers are present.
        if (covered.best != null && !LinguaDetector.knows(covered.best) && covered.bestCount >= 1 && covered.secondCount == 0
                && share >= UNMODELLED_MARKER_SHARE && noForeign) {
            return LanguageVerdict.covered(covered.best, "markers", share);
        }
        String language = detected != null ? detected.language() : foreign.best != null ? foreign.best : "unknown";
        return LanguageVerdict.notCovered(language, "detector", detected == null ? 0 : detected.margin());
    }

    /**
     * Words spelled with Latin letters outside ASCII that no covered language's markers or dictionary use (ș, ł,
     * ễ ...), when they are at least {@link #FOREIGN_WORD_SHARE} of the words: one such word is a name or a
     * disguise, several are another language.
     */
    private int foreignLetters(String segment) {
        int words = 0;
        int foreign = 0;
        boolean inWord = false;
        boolean wordForeign = false;
        for (int i = 0; i <= segment.length(); i++) {
            char c = i < segment.length() ? segment.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                inWord = true;
                wordForeign |= c >= 0xC0 && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN
                        && !coveredLetters.contains(Character.toLowerCase(c));
            } else if (inWord) {
                words++;
                foreign += wordForeign ? 1 : 0;
                inWord = false;
                wordForeign = false;
            }
        }
        return foreign >= FOREIGN_WORD_SHARE * words ? foreign : 0;
    }

    /** The language with the most marker words among {@code words}, and the runner-up's count. */
    private static Ranking rank(Map<String, LanguageProfile> languages, List<String> words) {
        Ranking ranking = new Ranking();
        for (LanguageProfile profile : languages.values()) {
            int count = 0;
            for (String word : words) {
                if (profile.markers().contains(word)) {
                    count++;
                }
            }
            if (count > ranking.bestCount) {
                ranking.secondCount = ranking.bestCount;
                ranking.bestCount = count;
                ranking.best = profile.code();
            } else if (count > ranking.secondCount) {
                ranking.secondCount = count;
            }
        }
        return ranking;
    }

    private static final class Ranking {
        String best;
        int bestCount;
        int secondCount;
    }

    /** Sentences, joined until each has at least {@link #SEGMENT_WORDS} words (a short tail joins the last). */
    static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n+")) {
            current.append(sentence).append(' ');
            words += sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
            if (words >= SEGMENT_WORDS) {
                segments.add(current.toString());
                current.setLength(0);
                words = 0;
            }
        }
        if (words > 0) {
            if (!segments.isEmpty() && words < MIN_WORDS) {
                segments.set(segments.size() - 1, segments.get(segments.size() - 1) + current);
            } else {
                segments.add(current.toString());
            }
        }
        return segments;
    }

    /** The script of most letters when that is not Latin (and more than {@link #FOREIGN_SCRIPT_SHARE}), else null. */
    private static String dominantForeignScript(String s) {
        int latin = 0;
        int foreign = 0;
        Map<Character.UnicodeScript, Integer> scripts = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            if (cp < 0x250) {
                latin++;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON
                    || script == Character.UnicodeScript.INHERITED) {
                latin++;
            } else {
                foreign++;
                if (scripts == null) {
                    scripts = new LinkedHashMap<>();
                }
                scripts.merge(script, 1, Integer::sum);
            }
        }
        if (foreign == 0 || foreign <= FOREIGN_SCRIPT_SHARE * (latin + foreign)) {
            return null;
        }
        return scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey().name()
                .toLowerCase(Locale.ROOT);
    }
}
