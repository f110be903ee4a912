package org.disclosureguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "therapy",
        "THERAPY",
        "ThErApY",
        "t h e r a p y",
        "t.h.e.r.a.p.y",
        "t_h-e/r\\a,p;y",
        "ther-\napy",
        "ther-\r\napy",
        "the\u200Brapy",
        "t\u200Ch\u200De\u2060r\uFEFFa\u00ADpy",
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
        "th3r4py",
        "7h3r@py",
        "<b>ther</b>apy",
        "<span class=\"x\">the</span>rapy",
        "**ther**apy",
        "_the_ra`py`",
        "%74herapy",
        "%54%48erapy",
        "&#116;herapy",
        "&#x74;herapy",
        "th&eacute;rapy",
        "ther&shy;apy",
        "ther\u0301apy",     // stray combining accent
        "ther😀apy",
    })
    void everyEvasionFoldsToTheSameLetters(String text) {
        assertEquals("therapy", TextNormalizer.normalize(text));
    }

    @Test
    void accentsAndSpanishLettersLoseTheirDiacritics() {
        assertEquals("sesiondeterapia", TextNormalizer.normalize("sesión de terapia"));
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
    void leetspeakSymbolsStandForLetters() {
        assertEquals("oieastbasiigg", TextNormalizer.normalize("0134578@$|!69"));
        assertEquals(TextNormalizer.normalize("clinician"), TextNormalizer.normalize("c1in1ci@n"), "1 stands for l and for i");
    }

    @Test
    void digitsWithoutALetterLookAlikeAreSkipped() {
        assertEquals("", TextNormalizer.normalize("2 22 222"));
    }

    @Test
    void separatorsFormatCharsAndUnmappedScriptsProduceNothing() {
        assertEquals("", TextNormalizer.normalize(" \t\n\r.,;:-_()[]{}\"'?¿¡*#^~\u200B\u200C\u200D\u2060\uFEFF\u00AD"));
        assertEquals("", TextNormalizer.normalize("中文 한국어 العربية 😀 \u0301"));
    }

    @Test
    void markupThatIsNotATagStaysVisible() {
        assertEquals("kidatherapyorg", TextNormalizer.normalize("<kid@therapy.org>"));
        assertEquals("ab", TextNormalizer.normalize("a < b"));
        assertEquals("ab", TextNormalizer.normalize("a<>b"));
        // A '<' with no closing '>' within reach is just punctuation.
        assertEquals("btherapy", TextNormalizer.normalize("<b therapy"));
    }

    @Test
    void percentEncodedUtf8LettersAreDecoded() {
        assertEquals(TextNormalizer.normalize("psicóloga"), TextNormalizer.normalize("psic%C3%B3loga"));
        assertEquals(TextNormalizer.normalize("consejería"), TextNormalizer.normalize("consejer%c3%ada"));
        // A broken sequence is not decoded: only each % is dropped, and the hex digits read as letters.
        assertEquals("psiccezzoga", TextNormalizer.normalize("psic%C3%ZZoga"));
    }

    @Test
    void lookAlikesWinOverTheirCompatibilityDecomposition() {
        // Greek lunate sigma looks like c; NFKD would first turn it into final sigma, which is no Latin letter.
        assertEquals(TextNormalizer.normalize("counseling"), TextNormalizer.normalize("\u03F2ounseling"));
    }

    @Test
    void unknownOrMalformedEscapesAreTreatedAsPunctuation() {
        assertEquals("rd", TextNormalizer.normalize("R&D"));
        assertEquals("bogustherapy", TextNormalizer.normalize("&bogus;therapy"));
        assertEquals("zzherapy", TextNormalizer.normalize("%zzherapy"));
        assertEquals("egtherapy", TextNormalizer.normalize("%e9therapy")); // a lone byte 0xE9 is no character; 9 reads as g
        assertEquals("therapy", TextNormalizer.normalize("&#;therapy"));
    }

    @Test
    void loneSurrogatesAreSkipped() {
        assertEquals("ab", TextNormalizer.normalize("a\uD835b\uDC2D"));
        assertEquals("", TextNormalizer.normalize("\uD835"));
    }

    @Test
    void nullAndEmptyNormalizeToEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(""));
    }

    @Test
    void acceptsAnyCharSequence() {
        assertEquals("therapy", TextNormalizer.normalize(new StringBuilder("Ther apy")));
    }

    @Test
    void outputIsOnlyLowercaseAsciiLettersForRandomInput() {
        Random random = new Random(7);
        char[] chars = new char[20_000];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(0x10000);
        }
        String normalized = TextNormalizer.normalize(new String(chars));
        assertTrue(normalized.chars().allMatch(c -> c >= 'a' && c <= 'z'), "non a-z letter in output");
        assertTrue(normalized.length() > 100, "random BMP text should yield some letters: " + normalized.length());
    }
}
