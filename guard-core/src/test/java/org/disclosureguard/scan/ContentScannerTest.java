package org.disclosureguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.disclosureguard.policy.Policy;

class ContentScannerTest {

    private static final ContentScanner ENGLISH = new ContentScanner(Dictionary.compile(
            List.of("therapy", "therapist", "counseling"),
            List.of("physical therapy", "speech therapy", "occupational therapy", "respiratory therapy",
                    "therapy dog*", "legal counseling")));

    private static final ContentScanner SPANISH = new ContentScanner(Dictionary.compile(
            List.of("terapia", "terapeuta", "psicóloga", "psicólogo", "sesión de terapia"),
            List.of("terapia física", "perro de terapia")));

    // --- exclusion semantics -------------------------------------------------------------

    @Test
    void exclusionCoveringTheTermSuppressesIt() {
        assertEquals(List.of(), ENGLISH.scan("He attends physical therapy on Tuesdays"));
        assertFalse(ENGLISH.matches("He attends physical therapy on Tuesdays"));
    }

    @Test
    void termWithoutExclusionIsReported() {
        String text = "She told her therapist about the gang";
        assertEquals(List.of(new TermMatch("therapist", 13, 22)), ENGLISH.scan(text));
        assertTrue(ENGLISH.matches(text));
    }

    @Test
    void exclusionEndingAfterTheTermStillSuppressesIt() {
        assertEquals(List.of(), ENGLISH.scan("the therapy dog visited"));
        assertEquals(List.of(), ENGLISH.scan("therapy dogs"));
        assertFalse(ENGLISH.matches("the therapy dog visited"));
    }

    @Test
    void onlyTheUncoveredOccurrenceIsReported() {
        String text = "physical therapy, then a therapy session";
        List<TermMatch> matches = ENGLISH.scan(text);
        assertEquals(List.of(new TermMatch("therapy", 25, 32)), matches);
    }

    @Test
    void exclusionThatOnlyOverlapsDoesNotSuppress() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of("therapy"), List.of("rapy dog")));
        assertEquals(List.of(new TermMatch("therapy", 0, 7)), scanner.scan("therapy dog"));
        // "physical therapist" is not "physical therapy": the exclusion does not occur at all.
        assertEquals(List.of(new TermMatch("therapist", 9, 18)), ENGLISH.scan("physical therapist"));
        // "therapy doctor" is not "therapy dog".
        assertEquals(1, ENGLISH.scan("therapy doctor").size());
    }

    @Test
    void legalCounselingIsExcludedButCounselingIsNot() {
        assertEquals(List.of(new TermMatch("counseling", 21, 31)), ENGLISH.scan("legal counseling and counseling"));
    }

    @Test
    void aTermThatIsAlsoAnExclusionIsAlwaysSuppressed() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of("therapy dog"), List.of("Therapy-Dog")));
        assertTrue(scanner.scan("a therapy dog").isEmpty());
    }

    @Test
    void withoutExclusionsEveryHitIsReported() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of("therapy"), List.of()));
        assertEquals(2, scanner.scan("physical therapy and therapy").size());
    }

    // --- overlap and ordering ------------------------------------------------------------

    @Test
    void overlappingTermsAreAllReportedInPositionOrder() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(
                List.of("therapy", "psychotherapy", "*therapy", "therap*", "psychotherapist"), List.of()));
        assertEquals(List.of(
                new TermMatch("*therapy", 0, 13),
                new TermMatch("psychotherapy", 0, 13)), scanner.scan("psychotherapy"));
        assertEquals(List.of(
                new TermMatch("psychotherapist", 4, 19),
                new TermMatch("*therapy", 22, 29),
                new TermMatch("therap*", 22, 29),
                new TermMatch("therapy", 22, 29)), scanner.scan("the psychotherapist's therapy"));
    }

    // --- word boundaries -----------------------------------------------------------------

    @Test
    void termsMatchWholeWordsOnly() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(
                List.of("therapist", "in session", "therap*", "NET"), List.of()));
        assertEquals(List.of(), scanner.scan("Police say the rapist was arrested in 2023."));
        assertEquals(List.of(), scanner.scan("The children slept in the cabin session after session."));
        assertEquals(List.of(), scanner.scan("He searched the internet and the network."));
        assertEquals(1, scanner.scan("The hearing went on in session.").size(), "a whole-word multi-word term still matches");
        assertEquals(List.of("therap*", "therapist"), scanner.scan("told his therapist").stream().map(TermMatch::term).toList());
        assertEquals(List.of("therap*"), scanner.scan("therapists and therapies").stream().map(TermMatch::term).distinct().toList());
    }

    @Test
    void caseSensitiveAbbreviationsCountOnlyInCapitals() {
        Dictionary dictionary = Dictionary.compile(List.of(new DictionaryEntry("NET", false, true),
                DictionaryEntry.term("TF-CBT")));
        ContentScanner scanner = new ContentScanner(dictionary);
        assertEquals(List.of(new TermMatch("NET", 10, 13)), scanner.scan("Completed NET session 4"));
        assertEquals(List.of(), scanner.scan("the net result was good"));
        assertEquals(3, scanner.scan("TF-CBT, tf cbt and TFCBT").size(), "a hyphen matches joined or apart");
    }

    @Test
    void capitalsCountAsWrittenAcrossSeparatorsAndLookAlikeScripts() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of(new DictionaryEntry("CATS", false, true),
                new DictionaryEntry("referred to MH", false, true))));
        assertEquals(1, scanner.scan("On the C_A_T_S trauma screen").size());
        assertEquals(1, scanner.scan("Al aplicar el C.A.T.S., el menor").size());
        assertEquals(1, scanner.scan("Sou tès C-A-T-S la").size());
        assertEquals(1, scanner.scan("the \u0421\u0410TS screen").size(), "Cyrillic capitals are capitals");
        assertEquals(List.of(), scanner.scan("she feeds the c_a_t_s daily"));
        assertEquals(List.of(), scanner.scan("two cats and a dog"));
        assertEquals(1, scanner.scan("UC was referred to MH").size());
        assertEquals(List.of(), scanner.scan("UC was referred to mh"));
        assertEquals(1, scanner.scan("UC was referred to\u02bc MH").size(), "a letter the fold ignores shifts no capital away");
    }

    @Test
    void alternativesStandForEachOfTheirEntries() {
        Dictionary dictionary = Dictionary.compile(List.of("terap*", "(terapia|terapeuta|terapista)(s|) respirator*"),
                List.of());
        assertEquals(List.of("terap*", "terapista respirator*"),
                new ContentScanner(dictionary).scan("La terapista respiratoria").stream().map(TermMatch::term).toList());
        ContentScanner excluded = new ContentScanner(Dictionary.compile(List.of("terap*"),
                List.of("(terapia|terapeuta|terapista)(s|) (respirator*|con antibiótic*)")));
        assertEquals(List.of(), excluded.scan("La terapista respiratoria le dio nebulización"));
        assertEquals(List.of(), excluded.scan("Inició terapia con antibiótico"));
        assertEquals(List.of(), excluded.scan("dos terapeutas respiratorios"));
        assertEquals(1, excluded.scan("en terapia contó que").size());
    }

    @Test
    void malformedAlternativesAreRefusedNamingTheProblem() {
        for (String[] bad : new String[][] {{"(terapia|terapeuta", "without its ')'"}, {"terapia)", "without its '('"},
                {"terapia|terapeuta", "outside a '(' group"}, {"((a|b)|c)", "nests"},
                {"(a|b) (c|d) (e|f) (g|h) (i|j) (k|l) (m|n) (o|p) (q|r) (s|t)", "more than 512"},
                {"(ta|) x", "stands for \"x\""}}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Dictionary.compile(List.of(bad[0]), List.of()), bad[0]);
            assertTrue(refused.getMessage().contains(bad[1]), refused.getMessage());
        }
    }

    @Test
    void spacedAndCutLettersAreReadGluedWhereverTheWordStarts() {
        assertEquals(List.of("therapist"), ENGLISH.scan("I s a w a t h e r a p i s t yesterday").stream().map(TermMatch::term).toList());
        assertEquals(List.of("therapy"), ENGLISH.scan("the t.h.e.r.a.p.y notes").stream().map(TermMatch::term).toList());
        assertEquals(List.of(), ENGLISH.scan("a b c d e f g"));
    }

    /**
     * Dotted capitals are glued, short ones too: "C.B.T." and "A.C.T." are a method however a child's initials may
     * collide with one (a child's "D.S.M." is held, and a reviewer releases it; a method written as initials crossing
     * would not be called back).
     */
    @Test
    void dottedCapitalsAreGluedHoweverShort() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of("CBT", "DSM-5", "PTSD"), List.of()));
        assertEquals(List.of("CBT"), scanner.scan("During weekly C.B.T. he said his uncle beat him").stream().map(TermMatch::term).toList());
        assertEquals(List.of("CBT"), scanner.scan("weekly C. B. T. with the clinician").stream().map(TermMatch::term).toList());
        assertEquals(List.of("PTSD"), scanner.scan("Dx: P.T.S.D. per the psychiatrist").stream().map(TermMatch::term).toList());
    }

    @Test
    void termsAreReportedAsWrittenInTheDictionary() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(
                List.of("Sesión de Terapia", "sesion de terapia"), List.of()));
        assertEquals(List.of(new TermMatch("Sesión de Terapia", 0, 17)), scanner.scan("SESION DE TERAPIA"));
    }

    // --- evasion through the scanner -----------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Notes from THERAPY today",
        "Notes from thérapy today",
        "Notes from ｔｈｅｒａｐｙ today",
        "Notes from \uD835\uDC2D\uD835\uDC21\uD835\uDC1E\uD835\uDC2B\uD835\uDC1A\uD835\uDC29\uD835\uDC32 today",
        "Notes from thеrapy today",
        "Notes from thεrαρy today",
        "Notes from the\u200Brapy today",
        "Notes from t h e r a p y today",
        "Notes from t.h.e.r.a.p.y today",
        "Notes from ther-\napy today",
        "Notes from th3r4py today",
        "Notes from <b>ther</b>apy today",
        "Notes from **ther**apy today",
        "Notes from %74herapy today",
        "Notes from &#116;herapy today",
        "Notes from th&eacute;rapy today",
    })
    void evasionsAreCaught(String text) {
        List<TermMatch> matches = ENGLISH.scan(text);
        assertEquals(1, matches.size(), () -> "matches: " + matches);
        TermMatch match = matches.get(0);
        assertEquals("therapy", match.term());
        int prefixEnd = "Notes from ".length();
        assertTrue(match.start() >= prefixEnd, () -> "start " + match.start());
        assertEquals("", TextNormalizer.normalize(text.substring(prefixEnd, match.start())),
                "only letter-free markup may precede the highlight");
        assertEquals("therapy", TextNormalizer.normalize(text.substring(match.start(), match.end())).replace(" ", ""),
                "highlight covers exactly the term");
        assertEquals(text.indexOf(" today"), match.end());
        assertTrue(ENGLISH.matches(text));
    }

    // --- offsets -------------------------------------------------------------------------

    @Test
    void offsetsPointAtTheOriginalSubstring() {
        String plain = "Youth said her therapist helped.";
        assertEquals("therapist", substringOf(plain, ENGLISH.scan(plain).get(0)));

        String spread = "she said t h e r a p i s t told";
        assertEquals("t h e r a p i s t", substringOf(spread, ENGLISH.scan(spread).get(0)));

        String surrogates = "a \uD835\uDC2D\uD835\uDC21\uD835\uDC1E\uD835\uDC2B\uD835\uDC1A\uD835\uDC29\uD835\uDC32 b";
        TermMatch bold = ENGLISH.scan(surrogates).get(0);
        assertEquals(2, bold.start());
        assertEquals(16, bold.end());
        assertEquals(surrogates.substring(2, 16), substringOf(surrogates, bold));

        String tagged = "x <i>ther</i>apy y";
        assertEquals("ther</i>apy", substringOf(tagged, ENGLISH.scan(tagged).get(0)));

        String entity = "x &#116;herapy y";
        assertEquals("&#116;herapy", substringOf(entity, ENGLISH.scan(entity).get(0)));

        String ligature = "ﬁx"; // one source char yields two letters
        ContentScanner fi = new ContentScanner(Dictionary.compile(List.of("fix"), List.of()));
        assertEquals(List.of(new TermMatch("fix", 0, 2)), fi.scan(ligature));
    }

    @Test
    void markupAndSurrogatesStraddlingTheScannersChunkBoundaryAreDecoded() {
        // The scanner copies text in 4096-char chunks; a decode may cross into the next chunk.
        for (int pad = 4080; pad <= 4100; pad++) {
            String padding = " ".repeat(pad);
            for (String evasion : List.of("<b>ther</b>apy", "&#116;herapy",
                    "\uD835\uDC2D\uD835\uDC21\uD835\uDC1E\uD835\uDC2B\uD835\uDC1A\uD835\uDC29\uD835\uDC32",
                    "t h e r a p y")) {
                String text = padding + evasion + " done";
                List<TermMatch> matches = ENGLISH.scan(text);
                assertEquals(1, matches.size(), () -> "pad " + padding.length() + ": " + evasion);
                assertEquals(text.indexOf(" done"), matches.get(0).end());
                assertEquals("therapy", TextNormalizer.normalize(substringOf(text, matches.get(0))).replace(" ", ""));
            }
        }
    }

    private static String substringOf(String text, TermMatch match) {
        return text.substring(match.start(), match.end());
    }

    // --- Spanish -------------------------------------------------------------------------

    @Test
    void spanishTermsAreCaught() {
        String told = "La niña le contó a su terapeuta lo que pasó.";
        assertEquals(List.of(new TermMatch("terapeuta", 22, 31)), SPANISH.scan(told));

        String session = "En la sesión de terapia habló de su padre.";
        assertEquals(List.of(
                new TermMatch("sesión de terapia", 6, 23),
                new TermMatch("terapia", 16, 23)), SPANISH.scan(session));

        String psychologist = "La PSICÓLOGA escribió una nota.";
        assertEquals(List.of(new TermMatch("psicóloga", 3, 12)), SPANISH.scan(psychologist));
    }

    @Test
    void spanishExclusionsSuppress() {
        assertTrue(SPANISH.scan("Tiene terapia física los martes.").isEmpty());
        assertTrue(SPANISH.scan("Vino el perro de terapia.").isEmpty());
    }

    // --- robustness ----------------------------------------------------------------------

    @Test
    void nullAndEmptyAreClean() {
        assertEquals(List.of(), ENGLISH.scan(null));
        assertEquals(List.of(), ENGLISH.scan(""));
        assertFalse(ENGLISH.matches(null));
        assertFalse(ENGLISH.matches(""));
        assertEquals(List.of(), ENGLISH.scan("   \n\t  "));
    }

    @Test
    void anyCharSequenceIsAccepted() {
        assertEquals(1, ENGLISH.scan(new StringBuilder("my therapist")).size());
    }

    @Test
    void oneMegabyteOfRandomCharsDoesNotThrow() {
        Random random = new Random(11);
        char[] chars = new char[1 << 20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(0x10000);
        }
        String text = new String(chars);
        List<TermMatch> matches = ENGLISH.scan(text);
        assertNotNull(matches);
        assertEquals(!matches.isEmpty(), ENGLISH.matches(text));
        for (TermMatch match : matches) {
            assertTrue(0 <= match.start() && match.start() < match.end() && match.end() <= text.length());
        }
    }

    @Test
    void randomMarkupHeavyInputDoesNotThrow() {
        Random random = new Random(5);
        String alphabet = "<>/&#;%x0123456789abcdefABCDEFtherapy \uD835\uDC2D";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        List<TermMatch> matches = ENGLISH.scan(text);
        assertEquals(!matches.isEmpty(), ENGLISH.matches(text));
    }

    @Test
    void scannerMatchesABruteForceReferenceOnRandomText() {
        // Words of two or more letters separated by single spaces: no single-letter runs and no punctuation, so
        // only the main word pass applies, and a brute force over " word word " strings is the reference.
        List<String> terms = List.of("ab", "bab", "abba", "ba", "ab bab", "ba*", "*bb");
        List<String> exclusions = List.of("bb", "aab", "babb", "ba ab", "abab*");
        ContentScanner scanner = new ContentScanner(Dictionary.compile(terms, exclusions));
        Random random = new Random(3);
        for (int round = 0; round < 3000; round++) {
            List<String> words = new ArrayList<>();
            int count = random.nextInt(8);
            for (int w = 0; w < count; w++) {
                StringBuilder word = new StringBuilder();
                int length = 2 + random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    word.append("ab".charAt(random.nextInt(2)));
                }
                words.add(word.toString());
            }
            String source = String.join(" ", words);
            List<String> expected = bruteForce(source, terms, exclusions);
            List<String> actual = scanner.scan(source).stream().map(m -> m.term() + "@" + m.start() + "-" + m.end())
                    .collect(Collectors.toList());
            assertEquals(expected, actual, () -> "text: '" + source + "'");
            assertEquals(!expected.isEmpty(), scanner.matches(source), () -> "text: '" + source + "'");
        }
    }

    /** Occurrences of an entry in " source ": its words between spaces ('*' at an end: any letters there). */
    private static List<int[]> occurrences(String padded, String entry, boolean wholeWord) {
        List<String> variants = new ArrayList<>(List.of(entry));
        if (entry.replace("*", "").contains(" ")) {
            variants.add(entry.replace(" ", ""));
        }
        List<int[]> found = new ArrayList<>();
        for (String variant : variants) {
            String regex = (variant.startsWith("*") ? "" : "(?<= )")
                    + java.util.regex.Pattern.quote(variant.replace("*", ""))
                    + (variant.endsWith("*") ? "" : "(?= )");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?=(" + regex + "))").matcher(padded);
            while (m.find()) {
                // The highlight of an open-ended term covers the whole word it sits in; an exclusion covers
                // only the letters it matched.
                int s = m.start(1);
                int e = m.end(1);
                int fixedStart = s;
                int fixedEnd = e;
                while (wholeWord && variant.endsWith("*") && e < padded.length() && padded.charAt(e) != ' ') {
                    e++;
                }
                while (wholeWord && variant.startsWith("*") && padded.charAt(s - 1) != ' ') {
                    s--;
                }
                found.add(new int[] {fixedStart - 1, fixedEnd - 1, s - 1, e - 1});
            }
        }
        return found;
    }

    private static List<String> bruteForce(String source, List<String> terms, List<String> exclusions) {
        String padded = " " + source + " ";
        List<int[]> excluded = new ArrayList<>();
        exclusions.forEach(x -> excluded.addAll(occurrences(padded, x, false)));
        java.util.Set<String> hits = new java.util.TreeSet<>();
        List<int[]> ordered = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            for (int[] hit : occurrences(padded, terms.get(t), true)) {
                boolean covered = false;
                for (int[] x : excluded) {
                    covered |= x[0] <= hit[0] && hit[1] <= x[1];
                }
                if (!covered && hits.add(terms.get(t) + "@" + hit[2] + "-" + hit[3])) {
                    ordered.add(new int[] {hit[2], hit[3], t});
                }
            }
        }
        ordered.sort(Comparator.<int[]>comparingInt(h -> h[0]).thenComparingInt(h -> h[1])
                .thenComparing(h -> terms.get(h[2])));
        return ordered.stream().map(h -> terms.get(h[2]) + "@" + h[0] + "-" + h[1]).collect(Collectors.toList());
    }

    @Test
    void concurrentScansAgree() throws Exception {
        String text = "She told her therapist; physical therapy; counseling. ".repeat(200);
        List<TermMatch> expected = ENGLISH.scan(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<TermMatch>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> ENGLISH.scan(text)));
            }
            for (Future<List<TermMatch>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, expected.size());
    }

    // --- dictionary compilation ----------------------------------------------------------

    @Test
    void compileRejectsEntriesWithoutLettersNamingThem() {
        IllegalArgumentException bang = assertThrows(IllegalArgumentException.class,
                () -> Dictionary.compile(List.of("therapy", "!!!"), List.of()));
        assertTrue(bang.getMessage().contains("\"!!!\""), bang.getMessage());

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Dictionary.compile(List.of(""), List.of()));
        assertTrue(empty.getMessage().contains("term #0 \"\""), empty.getMessage());

        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Dictionary.compile(List.of("therapy"), List.of("physical therapy", " -- ")));
        assertTrue(blank.getMessage().contains("exclusion #1 \" -- \""), blank.getMessage());
    }

    @Test
    void compileRejectsNullListsAndEntries() {
        assertThrows(IllegalArgumentException.class, () -> Dictionary.compile(null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Dictionary.compile(List.of(), null));
        IllegalArgumentException nullEntry = assertThrows(IllegalArgumentException.class,
                () -> Dictionary.compile(Arrays.asList("therapy", null), List.of()));
        assertTrue(nullEntry.getMessage().contains("term #1"), nullEntry.getMessage());
    }

    @Test
    void duplicatesAreFineAndCountedOnce() {
        Dictionary dictionary = Dictionary.compile(
                List.of("therapy", "therapy", "THERAPY", "therapist"), List.of("therapy dog", "therapy-dog"));
        assertEquals(2, dictionary.termCount());
        assertEquals(1, dictionary.exclusionCount());
        assertEquals(List.of(new TermMatch("therapy", 0, 7)), new ContentScanner(dictionary).scan("therapy"));
    }

    @Test
    void emptyDictionaryNeverMatches() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of(), List.of()));
        assertEquals(List.of(), scanner.scan("therapy"));
        assertFalse(scanner.matches("therapy"));
    }

    // --- the shipped default dictionary --------------------------------------------------

    @Test
    void defaultDictionarySeparatesTherapyFromLookAlikesInEveryLanguage() {
        ContentScanner scanner = Policy.bundled().scanner();
        for (String therapy : List.of(
                "She disclosed to her therapist that her uncle threatened her.",
                "During counseling the youth described the border crossing.",
                "Per the LCSW, youth disclosed gang involvement during TF-CBT.",
                "Completed NET session 4; trauma narrative continued.",
                "Le contó a su terapeuta que su tío la amenazó.",
                "En la sesión de terapia habló de las maras.",
                "La psicóloga recomendó más apoyo.",
                "Selon la psychologue clinicienne, le jeune a raconté qu'il vendait de la drogue.",
                "Na sessão com a psicóloga, o adolescente contou que vendia drogas.",
                "Pandan sesyon terapi a, timoun nan di ke yon gang te menase l.",
                // circumlocutions, clinical qualifiers and session headers, in each language
                "She asked for the lady I talk to about my feelings and told her everything.",
                "Per the clinical intake completed within 72 hrs, she was sold in Tapachula.",
                "At her Monday check-in with the emotional wellness staff, she said it.",
                "En el espacio de escucha de los martes la menor expresó que vendía piedra.",
                "sesion de psico #4 - dice que su tío le pegaba",
                "Dans l'espace d'écoute, l'enfant a avoué qu'il fumait du chanvre.",
                "Conteúdo da sessão: o jovem relatou que pensa em se enforcar.",
                "Lè l t ap pale ak konseye a nan sesyon an, li avwe sa.",
                "Nan konsèy endividyèl la, jèn nan di sa.",
                "On the C_A_T_S trauma screen the UC endorsed several items.")) {
            assertTrue(scanner.matches(therapy), therapy);
        }
        for (String clean : List.of(
                "Maria had physical therapy for her ankle",
                "Her legal counsel filed the motion",
                "the court session was postponed",
                "a therapy dog visited the unit",
                "The court is in session until noon.",
                "Police report states the rapist was arrested in 2023.",
                "Tiene terapia física dos veces por semana.",
                "Su consejero legal presentó la moción.",
                "Séance de kinésithérapie pour la cheville.",
                "O conselheiro tutelar visitou a família.",
                // a medical qualifier after the head word, in any gender and number
                "La terapista respiratoria le dio nebulización a las 2 a.m.",
                "Sesión de terapia ocupacional enfocada en motricidad fina.",
                "Inició terapia con antibiótico: amoxicilina 500 mg.",
                "Terapi antibyotik kòmanse: amoksisilin 500 mg.",
                "La farmacéutica dio consejería a la enfermera sobre el uso del inhalador.",
                "Aconselhamento farmacêutico: a farmacêutica explicou o uso da bombinha.",
                "Passou pelo clínico geral para a vacina.",
                "She feeds the two cats after school.",
                "The youth played soccer and attended school; sponsor interview scheduled.")) {
            assertEquals(List.of(), scanner.scan(clean), clean);
        }
    }
}
