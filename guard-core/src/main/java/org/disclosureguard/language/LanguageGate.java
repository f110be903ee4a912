package org.disclosureguard.language;

import java.util.HashMap;
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
 *   <li>the marker profile: the covered languages' frequent words (function words and the everyday words of case
 *       notes), the other languages' markers and letters no covered language spells with (ș, ł, ễ ...). Prose made
 *       of our words with nothing of another language is settled here, and so is most text: the gate needs to
 *       know whether text is in a covered language, not which one;</li>
 *   <li>otherwise the statistical detector ({@link LinguaDetector}) over the covered languages and the other
 *       Latin-script languages likely to appear: covered if a covered language wins, or if the detector is
 *       undecided and nothing points away from the covered languages.</li>
 * </ol>
 * Structured text (HL7 segments, JSON, key=value logs, CSV rows) is read for its prose: a key, code or identifier
 * ({@link MachineText}) is no word of any language, and the detector reads the values between them.
 * Each sentence long enough to tell is judged on its own (short ones join the next, a short last one the one
 * before), so a paragraph in another language inside an English note is found; a sentence joined by a short one is
 * judged alone as well, so the short one cannot dilute it. A sentence the detector cannot settle (another language
 * barely ahead of a covered one, nothing of another language's in it) is judged again with the next one. Text too
 * short to tell is let through to the content scan. One pass over the text, one hash lookup per word. Thread-safe.
 */
public final class LanguageGate {

    /** Fewer words (of two letters or more, or markers) than this cannot be told apart; the scan still reads them. */
    static final int MIN_WORDS = 5;
    /**
     * An unknown word of at most this many letters, all capitals, is initials or an abbreviation (a staff member's
     * initials in a point sheet's columns, "AM", "OV"): not counted as a word of any language. A point sheet's rows
     * of initials had read as Somali.
     */
    static final int MAX_INITIALISM = 3;
    /**
     * An unknown word of at most this many letters right after a number is its unit ("6 oz", "5.1 kg", "325mg",
     * "23 hrs", "22 sem"): no word of any language. Three bottle feeds in ounces had read as Danish.
     */
    static final int MAX_UNIT = 4;
    /** Sentences are judged in segments of at least this many words (short sentences join the next). */
    static final int SEGMENT_WORDS = 6;
    /** With this share of the covered languages' words and nothing of another language, text is prose of ours. */
    static final double PROSE_SHARE = 0.25;
    /** A marker profile that names one language is conclusive with this share of covered words ... */
    static final double MARKER_SHARE = 0.3;
    /** ... at least this many words of that language alone ... */
    static final int MIN_MARKERS = 2;
    /** ... this many times more than those of any other covered language alone ... */
    static final double MARKER_LEAD = 2.0;
    /** ... and fewer words of another language than this share of the covered ones (and at most one). */
    static final double FOREIGN_LIMIT = 0.5;
    /** Another language's words up to this share of the covered ones are chance look-alikes, however many. */
    static final double CHANCE_FOREIGN_SHARE = 0.2;
    /** A covered language the detector does not model (Haitian Creole) is settled by its markers at this share. */
    static final double UNMODELLED_MARKER_SHARE = 0.2;
    /** ... and with this many times more of its own words than any other covered language's (a Kreyòl medication
     * note carries "PO", "PRN", "mg" and drug names that English also writes). */
    static final double UNMODELLED_LEAD = 3.0;
    /** Below this margin the detector has not decided between its top two languages. */
    static final double UNDECIDED_MARGIN = 0.1;
    /** When the detector is undecided, this share of covered words with one covered language's own decides. */
    static final double UNDECIDED_MARKER_SHARE = 0.2;
    /** This many words spelled with letters no covered language uses are evidence of another language ... */
    static final int FOREIGN_LETTER_WORDS = 2;
    /** ... when they are at least this share of the words. */
    static final double FOREIGN_WORD_SHARE = 0.1;
    /**
     * A segment the detector cannot settle (another language barely ahead, a covered one within
     * {@link #JOIN_MARGIN} of it, nothing of another language's in it) and shorter than this is judged again with
     * the next sentence: a line of a form ("Roupa: moletom cinza, tênis branco, boné preto") or of drug names had
     * read as Zulu or Welsh alone.
     */
    static final int JOIN_WORDS = 18;
    /** How close to the detector's top a covered language must be for a segment to count as undecided. */
    static final double JOIN_MARGIN = 0.15;
    /** A text without sentence ends is judged in pieces of this many words (each piece alone, detector included). */
    static final int MAX_SEGMENT_WORDS = 200;
    /** The detector reads at most this many chars of a segment: its cost grows with the text. */
    static final int MAX_DETECTOR_CHARS = 2_000;
    /** Text whose letters are more than this share of another script is not in a covered language. */
    static final double FOREIGN_SCRIPT_SHARE = 0.3;

    /** After these (besides a sentence's end) a capital may start a sentence, a label's value or a quotation. */
    private static final String BREAKS = ":;|!?\"\u201C\u201D\u00AB\u00BB\u2022*>#";

    /** Bits of {@link #wordBits}: covered language i is bit i, other language j is bit {@link #OTHER_SHIFT} + j. */
    private static final int OTHER_SHIFT = 16;
    private static final int MAX_LANGUAGES = 16;

    private final String[] coveredCodes;
    private final Set<String> coveredSet;
    private final String[] otherCodes;
    private final boolean[] modelled;
    private final WordTable wordBits;
    private final int coveredMask;
    /** Letters outside ASCII that the covered languages write with (á, ñ, ç, è, ò ...), in lower case. */
    private final Set<Character> coveredLetters;
    private final LinguaDetector detector;
    /** Whether the policy gives Latin's function words as another language's markers (see decide()). */
    private final boolean latinMarkers;
    private static final String LATIN = "la";

    /**
     * @param covered the covered languages with their markers
     * @param otherLanguages markers of languages without a dictionary (words also a covered language's are ignored)
     * @param coveredText text written in the covered languages (their markers and dictionary entries): the
     *     letters outside ASCII it uses are the covered languages' alphabet
     */
    public LanguageGate(List<LanguageProfile> covered, List<LanguageProfile> otherLanguages, Iterable<String> coveredText) {
        if (covered.size() > MAX_LANGUAGES || otherLanguages.size() > MAX_LANGUAGES - 1) {
            throw new IllegalArgumentException("at most " + MAX_LANGUAGES + " covered and " + (MAX_LANGUAGES - 1) + " other languages");
        }
        Map<String, Integer> bits = new HashMap<>();
        coveredCodes = new String[covered.size()];
        modelled = new boolean[covered.size()];
        for (int i = 0; i < covered.size(); i++) {
            coveredCodes[i] = covered.get(i).code();
            modelled[i] = LinguaDetector.knows(coveredCodes[i]);
            for (String marker : covered.get(i).markers()) {
                bits.merge(marker, 1 << i, (a, b) -> a | b);
            }
        }
        coveredMask = (1 << covered.size()) - 1;
        otherCodes = new String[otherLanguages.size()];
        for (int j = 0; j < otherLanguages.size(); j++) {
            otherCodes[j] = otherLanguages.get(j).code();
            for (String marker : otherLanguages.get(j).markers()) {
                Integer known = bits.get(marker);
                if (known == null || (known & coveredMask) == 0) {
                    bits.merge(marker, 1 << (OTHER_SHIFT + j), (a, b) -> a | b);
                }
            }
        }
        wordBits = new WordTable(bits);
        java.util.HashSet<Character> letters = new java.util.HashSet<>();
        for (String text : coveredText) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0xC0 && Character.isLetter(c)) {
                    letters.add(Character.toLowerCase(c));
                }
            }
        }
        coveredLetters = Set.copyOf(letters);
        coveredSet = Set.of(coveredCodes);
        detector = new LinguaDetector(coveredSet);
        latinMarkers = java.util.Arrays.asList(otherCodes).contains(LATIN);
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
        Segment segment = new Segment(coveredCodes.length, otherCodes.length);
        Segment previous = new Segment(coveredCodes.length, otherCodes.length);
        // The last sentence alone: a short sentence joined to it must not dilute it (a Somali sentence after
        // "Youth attended school today." had read as English).
        Segment sentence = new Segment(coveredCodes.length, otherCodes.length);
        LanguageVerdict first = null;
        char[] word = new char[64];
        int length = 0;
        int hash = 0;
        boolean wordForeign = false;
        boolean wordCapitals = true;
        boolean wordTitle = false;
        boolean wordAfterNumber = false;
        // No word yet since the text's start, a sentence's end or a label's colon: a capital there starts a
        // sentence; anywhere else, an unknown word in title case is a name ("Sr. Kiala", "Papai Noel").
        boolean afterBreak = true;
        // The white-space-delimited chunk a word is in; whether it is machine text is asked only of unknown words,
        // once a chunk (most words of prose are known, and most chunks have none).
        int chunkStart = 0;
        boolean inChunk = false;
        int wordChunk = 0;
        int judgedChunk = -1;
        boolean judgedMachine = false;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '\n';
            if (MachineText.separates(c)) {
                inChunk = false;
            } else if (!inChunk) {
                inChunk = true;
                chunkStart = i;
            }
            char folded = MarkerWords.fold(c);
            if (folded == MarkerWords.MARK) {
                continue;
            }
            if (folded != 0) {
                if (length == 0) {
                    wordChunk = chunkStart;
                    wordTitle = Character.isUpperCase(c);
                    wordAfterNumber = followsNumber(s, i);
                } else if (Character.isUpperCase(c)) {
                    wordTitle = false;
                }
                if (length == word.length) {
                    word = java.util.Arrays.copyOf(word, length * 2);
                }
                word[length++] = folded;
                hash = 31 * hash + folded;
                wordCapitals &= Character.isUpperCase(c); // scripts without case have no initials
                if (c >= 0xC0 && !coveredLetters.contains(Character.toLowerCase(c))) {
                    Character.UnicodeScript script = Character.UnicodeScript.of(c);
                    wordForeign |= script == Character.UnicodeScript.LATIN;
                    boolean otherScript = script != Character.UnicodeScript.LATIN
                            && script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED;
                    segment.otherScriptLetters |= otherScript;
                    sentence.otherScriptLetters |= otherScript;
                }
                continue;
            }
            if (length > 0) {
                int bits = wordBits.get(word, length, hash);
                boolean machine = false;
                if (bits == WordTable.ABSENT && length <= MAX_INITIALISM && wordCapitals) {
                    machine = true; // initials or an abbreviation ("LT", "OV", "AM"): no word of any language
                } else if (bits == WordTable.ABSENT && length <= MAX_UNIT && wordAfterNumber) {
                    machine = true; // a unit of measure after its number
                } else if (bits == WordTable.ABSENT && (wordCapitals || wordTitle && !afterBreak && !wordForeign)) {
                    // a name, in capitals ("DORVILUS", "IBESR") or in title case inside a sentence ("Sr. Kiala",
                    // "Papai Noel"), is counted aside (decide())
                    segment.capitalWords++;
                    sentence.capitalWords++;
                    machine = true;
                } else if (bits == WordTable.ABSENT && length >= 2 && !wordForeign) {
                    if (judgedChunk != wordChunk) {
                        judgedChunk = wordChunk;
                        judgedMachine = MachineText.chunk(s, wordChunk) < 0;
                    }
                    machine = judgedMachine;
                }
                count(segment, bits, length, wordForeign, machine);
                count(sentence, bits, length, wordForeign, machine);
                length = 0;
                hash = 0;
                wordForeign = false;
                wordCapitals = true;
                afterBreak = false;
            }
            boolean sentenceEnd = c == '\n' || (c == '.' || c == '!' || c == '?') && endsSentence(s, i);
            if (sentenceEnd || BREAKS.indexOf(c) >= 0) {
                afterBreak = true;
            }
            if (sentenceEnd && sentence.capitalWords > sentence.words) {
                // Names are most of this sentence: a sentence in title case or capitals, whose words are words
                segment.words += sentence.capitalWords;
                segment.capitalWords -= sentence.capitalWords;
                sentence.words += sentence.capitalWords;
                sentence.capitalWords = 0;
            }
            if (sentenceEnd && (segment.words >= SEGMENT_WORDS || i == n) || segment.words >= MAX_SEGMENT_WORDS) {
                segment.end = Math.min(i + 1, n);
                if (i == n && previous.words > 0 && segment.words < SEGMENT_WORDS && segment.onlyOurLetters()) {
                    // A short last line (a signature: "Lic. Sergio Batz, Enlace Legal") cannot join a next sentence:
                    // it is judged with the one before it, as short sentences elsewhere are with the one after.
                    segment.absorb(previous);
                }
                LanguageVerdict verdict = decide(segment, s);
                if (!verdict.covered() && segment.undecided && segment.words < JOIN_WORDS) {
                    if (i < n) {
                        sentence.reset(Math.min(i + 1, n));
                        continue; // too close to call alone: judged again with the next sentence
                    }
                    if (previous.words > 0) {
                        segment.absorb(previous);
                        verdict = decide(segment, s);
                    }
                }
                if (verdict.covered() && sentence.start > segment.start && sentence.words >= SEGMENT_WORDS) {
                    sentence.end = segment.end;
                    LanguageVerdict alone = decide(sentence, s);
                    if (!alone.covered() && !sentence.undecided) {
                        verdict = alone;
                    }
                }
                if (!verdict.covered()) {
                    return verdict;
                }
                if (first == null || "short".equals(first.method())) {
                    first = verdict;
                }
                Segment judged = segment;
                segment = previous;
                previous = judged;
                segment.reset(judged.end);
                sentence.reset(judged.end);
            } else if (sentenceEnd) {
                sentence.reset(Math.min(i + 1, n));
            }
        }
        return first != null ? first : LanguageVerdict.covered("none", "short", 0);
    }

    /** Whether the word starting at {@code at} follows a digit, glued to it or after spaces ("6 oz", "325mg"). */
    private static boolean followsNumber(String s, int at) {
        int k = at - 1;
        while (k >= 0 && k >= at - 3 && (s.charAt(k) == ' ' || s.charAt(k) == '\u00A0')) {
            k--;
        }
        return k >= 0 && s.charAt(k) >= '0' && s.charAt(k) <= '9';
    }

    /**
     * A full stop (or ! ?) followed by white space ends a sentence, unless it ends an abbreviation: a lower-case
     * letter follows ("Em qui., 1 de mai. de 2025", "approx. two hours") or it follows a title ("Dr.", "Sra.", a
     * capitalized word of at most three letters). The words on both sides are then judged together instead of as
     * scraps too short to tell.
     */
    private static boolean endsSentence(String s, int at) {
        int n = s.length();
        if (at + 1 >= n) {
            return true;
        }
        if (!Character.isWhitespace(s.charAt(at + 1))) {
            return false;
        }
        int wordStart = at;
        while (wordStart > 0 && Character.isLetter(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (s.charAt(at) == '.' && at - wordStart >= 1 && at - wordStart <= 3 && Character.isUpperCase(s.charAt(wordStart))) {
            return false;
        }
        int next = at + 1;
        while (next < n && s.charAt(next) != '\n' && Character.isWhitespace(s.charAt(next))) {
            next++;
        }
        return next >= n || s.charAt(next) != '\n' && !Character.isLowerCase(s.charAt(next));
    }

    private void count(Segment segment, int bits, int length, boolean foreignLetters, boolean machine) {
        if (length < 2 && bits == WordTable.ABSENT) {
            return;
        }
        if (machine) {
            // A key, a code or an identifier of structured text (HL7, JSON, key=value, CSV) is no word of any
            // language (the caller asks only of unknown words; a known word there still counts).
            return;
        }
        segment.words++;
        if (foreignLetters) {
            segment.foreignLetterWords++;
        }
        if (bits == WordTable.ABSENT) {
            return;
        }
        int coveredBits = bits & coveredMask;
        if (coveredBits != 0) {
            segment.coveredWords++;
            if (Integer.bitCount(coveredBits) == 1) {
                segment.own[Integer.numberOfTrailingZeros(coveredBits)]++;
            } else {
                segment.anyOf[Integer.numberOfTrailingZeros(coveredBits)]++;
            }
        } else {
            int other = Integer.numberOfTrailingZeros(bits >>> OTHER_SHIFT);
            segment.foreign[other]++;
        }
    }

    private LanguageVerdict decide(Segment segment, String text) {
        segment.undecided = false;
        if (segment.capitalWords > segment.words) {
            // Capitals throughout: a heading or a text typed in capitals, whose unknown words are words after all.
            segment.words += segment.capitalWords;
            segment.capitalWords = 0;
        }
        if (segment.words < MIN_WORDS) {
            return LanguageVerdict.covered("none", "short", 0);
        }
        int best = segment.best();
        int bestCount = best < 0 ? 0 : segment.own[best];
        int secondCount = segment.second(best);
        int foreignCount = segment.maxForeign();
        double share = (double) segment.coveredWords / segment.words;
        boolean foreignSpelling = segment.foreignLetterWords >= FOREIGN_LETTER_WORDS
                && segment.foreignLetterWords >= FOREIGN_WORD_SHARE * segment.words;
        boolean noForeign = foreignCount == 0 && !foreignSpelling;
        // A word or two of another language's (Indonesian "dan" in a Kreyòl note) among many of ours is chance.
        boolean fewForeign = noForeign || !foreignSpelling && (foreignCount < 2 && foreignCount < FOREIGN_LIMIT * segment.coveredWords
                || foreignCount <= CHANCE_FOREIGN_SHARE * segment.coveredWords);
        String label = best >= 0 ? coveredCodes[best] : coveredCodes[Math.max(0, segment.bestAny())];
        // Our words everywhere and nothing of another language: prose of ours (mixed English and Spanish included).
        if (share >= PROSE_SHARE && noForeign) {
            return LanguageVerdict.covered(label, "markers", share);
        }
        if (bestCount >= MIN_MARKERS && share >= MARKER_SHARE && bestCount >= MARKER_LEAD * secondCount && fewForeign) {
            return LanguageVerdict.covered(label, "markers", share);
        }
        String segmentText = MachineText.prose(text.substring(segment.start, Math.min(segment.end, segment.start + MAX_DETECTOR_CHARS)));
        LinguaDetector.Detection detected = detector.likeliest(segmentText);
        if (detected != null && coveredSet.contains(detected.language())) {
            return LanguageVerdict.covered(detected.language(), "detector", detected.margin());
        }
        // The detector barely prefers another language (short and telegraphic notes, names, numbers), and nothing
        // points away from the covered languages: the one whose own words are there, or that the detector nearly
        // chose, decides.
        if (detected != null && detected.margin() < UNDECIDED_MARGIN && noForeign && secondCount == 0) {
            if (bestCount >= 1 && share >= UNDECIDED_MARKER_SHARE) {
                return LanguageVerdict.covered(label, "markers", share);
            }
            String runnerUp = detected.coveredRunnerUp(coveredSet);
            if (runnerUp != null) {
                return LanguageVerdict.covered(runnerUp, "detector", detected.margin());
            }
        }
        // Latin words without Latin's grammar are the clinical and legal terms every covered language borrows
        // ("moderate plagiocephaly + mild torticollis", "in loco parentis"): with our words throughout, nothing of another
        // language and none of Latin's own function words (the policy's Latin markers), the text is ours. Without
        // Latin markers in the policy nothing tells terms from Latin prose, and Latin stays held.
        if (detected != null && LATIN.equals(detected.language()) && latinMarkers && noForeign && share >= PROSE_SHARE) {
            return LanguageVerdict.covered(label, "latin-terms", share);
        }
        // A covered language the detector has no model for (Haitian Creole) cannot win there: its own words decide,
        // when they far outnumber any other covered language's and little or nothing of another language is present.
        if (best >= 0 && !modelled[best] && bestCount >= UNMODELLED_LEAD * secondCount && share >= UNMODELLED_MARKER_SHARE
                && fewForeign) {
            return LanguageVerdict.covered(label, "markers", share);
        }
        // Undecided: the detector barely prefers one language over the next, and a covered language is close to
        // them, or the segment's only own words are of a covered language the detector has no model for (Kreyòl).
        segment.undecided = detected != null && detected.margin() < UNDECIDED_MARGIN
                && (detected.coveredBest(coveredSet) >= 1 - JOIN_MARGIN || best >= 0 && !modelled[best] && secondCount == 0)
                && segment.maxForeign() <= 1 && segment.foreignLetterWords == 0 && !segment.otherScriptLetters;
        int foreignBest = segment.bestForeign();
        String language = detected != null ? detected.language() : foreignBest >= 0 ? otherCodes[foreignBest] : "unknown";
        return LanguageVerdict.notCovered(language, "detector", detected == null ? 0 : detected.margin());
    }

    /** Word counts of one segment of the text. */
    private static final class Segment {
        final int[] own;
        final int[] anyOf;
        final int[] foreign;
        int words;
        int coveredWords;
        int foreignLetterWords;
        /**
         * Unknown words written in capitals, longer than initials, or in title case inside a sentence: names, unless
         * they are most of the segment.
         */
        int capitalWords;
        /** Letters of another script than Latin were read (a short tail with them is never absorbed). */
        boolean otherScriptLetters;
        /** Set by decide(): the detector could not settle this segment (see {@link #JOIN_WORDS}). */
        boolean undecided;
        int start;
        int end;

        Segment(int covered, int others) {
            own = new int[covered];
            anyOf = new int[covered];
            foreign = new int[others];
        }

        void reset(int from) {
            java.util.Arrays.fill(own, 0);
            java.util.Arrays.fill(anyOf, 0);
            java.util.Arrays.fill(foreign, 0);
            words = 0;
            coveredWords = 0;
            foreignLetterWords = 0;
            capitalWords = 0;
            otherScriptLetters = false;
            undecided = false;
            start = from;
        }

        /** Nothing in this segment is another language's: no marker of one, no letter we do not write with. */
        boolean onlyOurLetters() {
            return maxForeign() == 0 && foreignLetterWords == 0 && !otherScriptLetters;
        }

        /** Adds the counts of the segment just before this one and starts where it started. */
        void absorb(Segment before) {
            for (int i = 0; i < own.length; i++) {
                own[i] += before.own[i];
                anyOf[i] += before.anyOf[i];
            }
            for (int j = 0; j < foreign.length; j++) {
                foreign[j] += before.foreign[j];
            }
            words += before.words;
            coveredWords += before.coveredWords;
            foreignLetterWords += before.foreignLetterWords;
            capitalWords += before.capitalWords;
            otherScriptLetters |= before.otherScriptLetters;
            start = before.start;
        }

        /** The covered language with the most words of its own, or -1 when there are none. */
        int best() {
            return argMax(own);
        }

        int second(int best) {
            int second = 0;
            for (int i = 0; i < own.length; i++) {
                if (i != best) {
                    second = Math.max(second, own[i]);
                }
            }
            return second;
        }

        /** For a label when no language has words of its own: the language with the most shared words. */
        int bestAny() {
            return argMax(anyOf);
        }

        int maxForeign() {
            int max = 0;
            for (int count : foreign) {
                max = Math.max(max, count);
            }
            return max;
        }

        int bestForeign() {
            return argMax(foreign);
        }

        /** The index of the largest positive count (the first of equals), or -1 when every count is 0. */
        private static int argMax(int[] counts) {
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** The script of most letters when that is not Latin (and more than {@link #FOREIGN_SCRIPT_SHARE}), else null. */
    private static String dominantForeignScript(String s) {
        int latin = 0;
        int foreign = 0;
        Map<Character.UnicodeScript, Integer> scripts = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x250) {
                latin += cp >= 'A' && Character.isLetter(cp) ? 1 : 0;
                continue;
            }
            if (!Character.isLetter(cp)) {
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
