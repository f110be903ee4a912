package org.disclosureguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    /** Disguises inside one word: the word folds to the same letters. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "therapy",
        "THERAPY",
        "ThErApY",
        "ther-\napy",
        "ther-\r\napy",
        "ther- apy",
        "the\u200Brapy",
        "t\u200Ch\u200De\u2060r\uFEFFa\u00ADpy",
        "ther\uFE0Fapy",                  // variation selector
        "ther\uDB40\uDC41apy",            // tag character (U+E0041)
        "THÉRAPY",
        "thérápý",
        "ｔｈｅｒａｐｙ",
        "ＴＨＥＲＡＰＹ",
        "\uD835\uDC2D\uD835\uDC21\uD835\uDC1E\uD835\uDC2B\uD835\uDC1A\uD835\uDC29\uD835\uDC32", // bold 𝐭𝐡𝐞𝐫𝐚𝐩𝐲
        "\uD835\uDCC9\uD835\uDCBD\uD835\uDC52\uD835\uDCC7\uD835\uDCB6\uD835\uDCC5\uD835\uDCCE", // script
        "ᵗʰᵉʳᵃᵖʸ",
        "ⓣⓗⓔⓡⓐⓟⓨ",
        "thеrapy",          // Cyrillic е
        "тнеrару",          // Cyrillic т н е, Latin r, Cyrillic а р у
        "THΕRΑΡΥ",          // Greek Ε Α Ρ Υ
        "thεrαρy",          // Greek ε α ρ
        "ᴛʜᴇʀᴀᴘʏ",          // Latin small capitals
        "Ꭲherapy",          // Cherokee Ꭲ (not in any hand table: UTS #39 confusables)
        "ꓔherapy",          // Lisu ꓔ
        "th3r4py",
        "7h3r@py",
        "%74herapy",
        "%54%48erapy",
        "=74=68erapy",      // quoted-printable, in a run of escapes
        "&#116;herapy",
        "&#x74;herapy",
        "th&eacute;rapy",
        "&tcaron;herapy",   // an HTML5 entity a hand list would not have
        "ther&shy;apy",
        "ther\u0301apy",    // stray combining accent
    })
    void disguisesInsideAWordFoldToTheSameLetters(String text) {
        assertEquals("therapy", TextNormalizer.normalize(text));
    }

    /** Disguises that cut the word: read as several words here; the scanner reads them glued as well. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"t h e r a p y", "t.h.e.r.a.p.y", "<b>ther</b>apy", "**ther**apy", "_the_ra`py`",
        "<span class=\"x\">the</span>rapy", "ther😀apy"})
    void cuttingDisguisesKeepEveryLetterInOrder(String text) {
        assertEquals("therapy", TextNormalizer.normalize(text).replace(" ", ""));
    }

    @Test
    void wordsStaySeparate() {
        assertEquals("the rapist", TextNormalizer.normalize("the rapist"));
        assertEquals("cabin session", TextNormalizer.normalize("cabin  session!"));
        assertEquals("i enfant", TextNormalizer.normalize("l'enfant"));
        assertEquals("therapy", TextNormalizer.normalize("therapy!"), "a trailing ! is punctuation, not an i");
        assertEquals("", TextNormalizer.normalize("2 22 222 100"), "numbers are not leetspeak");
    }

    @Test
    void accentsAndSpanishLettersLoseTheirDiacritics() {
        assertEquals("sesion de terapia", TextNormalizer.normalize("sesión de terapia"));
        // l and i fold to one letter (leetspeak 1 stands for both), so "psicologa" reads "psicoioga".
        assertEquals("psicoioga", TextNormalizer.normalize("Psicóloga"));
        assertEquals("nnuucc", TextNormalizer.normalize("ñÑüÜçÇ"));
        assertEquals("oiidh", TextNormalizer.normalize("øłŁđħ"));
    }

    @Test
    void ligaturesAndCompatibilityFormsExpandToSeveralLetters() {
        assertEquals("fi", TextNormalizer.normalize("ﬁ"));
        assertEquals("ffi", TextNormalizer.normalize("ﬃ"));
        assertEquals("strasse", TextNormalizer.normalize("straße"));
        assertEquals("aeoe", TextNormalizer.normalize("æœ"));
        assertEquals("viii", TextNormalizer.normalize("Ⅷ"));
    }

    @Test
    void leetspeakSymbolsStandForLettersInsideWords() {
        assertEquals("password", TextNormalizer.normalize("p4$$w0rd"));
        assertEquals("eiaggtboy", TextNormalizer.normalize("3!@96780y"));
        assertEquals(TextNormalizer.normalize("clinician"), TextNormalizer.normalize("c1in1ci@n"), "1 stands for l and for i");
    }

    @Test
    void separatorsFormatCharsAndUnmappedScriptsProduceNothing() {
        assertEquals("", TextNormalizer.normalize(" \t\n\r.,;:-_()[]{}\"'?¿¡*#^~\u200B\u200C\u200D\u2060\uFEFF\u00AD"));
        assertEquals("", TextNormalizer.normalize("中文 한국어 😀 \u0301"));
    }

    @Test
    void markupThatIsNotATagStaysVisible() {
        assertEquals("kidatherapy org", TextNormalizer.normalize("<kid@therapy.org>"));
        assertEquals("a b", TextNormalizer.normalize("a < b"));
        assertEquals("a b", TextNormalizer.normalize("a<>b"));
        // A '<' with no closing '>' within reach is just punctuation.
        assertEquals("b therapy", TextNormalizer.normalize("<b therapy"));
    }

    @Test
    void percentEncodedUtf8LettersAreDecoded() {
        assertEquals(TextNormalizer.normalize("psicóloga"), TextNormalizer.normalize("psic%C3%B3loga"));
        assertEquals(TextNormalizer.normalize("consejería"), TextNormalizer.normalize("consejer%c3%ada"));
        // A broken sequence is not decoded: the % is punctuation (and the 3 after a letter reads as e).
        assertEquals("psic ce zzoga", TextNormalizer.normalize("psic%C3%ZZoga"));
    }

    @Test
    void quotedPrintableNeedsARunOfEscapes() {
        assertEquals("therapy", TextNormalizer.normalize("=74=68=65=72=61=70=79"));
        assertEquals("score", TextNormalizer.normalize("score=45"), "a lone =XX is not an escape");
        assertEquals("therapy", TextNormalizer.normalize("ther=\napy"), "a soft line break joins");
    }

    @Test
    void lookAlikesWinOverTheirCompatibilityDecomposition() {
        // Greek lunate sigma looks like c; NFKD would first turn it into final sigma, which is no Latin letter.
        assertEquals(TextNormalizer.normalize("counseling"), TextNormalizer.normalize("\u03F2ounseling"));
    }

    @Test
    void unknownOrMalformedEscapesAreTreatedAsPunctuation() {
        assertEquals("r d", TextNormalizer.normalize("R&D"));
        assertEquals("bogus therapy", TextNormalizer.normalize("&bogus;therapy"));
        assertEquals("zzherapy", TextNormalizer.normalize("%zzherapy"));
        // A lone byte 0xE9 is no character: the % is punctuation, and the 9 before a letter reads as g.
        assertEquals("egtherapy", TextNormalizer.normalize("%e9therapy"));
        assertEquals("therapy", TextNormalizer.normalize("&#;therapy"));
    }

    @Test
    void loneSurrogatesAreSeparators() {
        assertEquals("a b", TextNormalizer.normalize("a\uD835b\uDC2D"));
        assertEquals("", TextNormalizer.normalize("\uD835"));
    }

    @Test
    void nullAndEmptyNormalizeToEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(""));
    }

    @Test
    void acceptsAnyCharSequence() {
        assertEquals("ther apy", TextNormalizer.normalize(new StringBuilder("Ther apy")));
    }

    @Test
    void outputIsOnlyLowercaseAsciiWordsForRandomInput() {
        Random random = new Random(7);
        char[] chars = new char[20_000];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(0x10000);
        }
        String normalized = TextNormalizer.normalize(new String(chars));
        assertTrue(normalized.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == ' '), "non a-z letter in output");
        assertTrue(!normalized.contains("  ") && !normalized.startsWith(" "), "words are separated by single spaces");
        assertTrue(normalized.length() > 100, "random BMP text should yield some letters: " + normalized.length());
    }
}
