package org.disclosureguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classifier reads words as the scan reads letters: whatever the writing, a word hashes as its folded form. */
class FoldedWordsTest {

    private static List<String> folded(String text) {
        FoldedWords words = FoldedWords.of(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.count(); i++) {
            out.add(words.folded(text, i));
            assertEquals(FoldedWords.hash(words.folded(text, i)), words.hash(i), "hash of word " + i + " of " + text);
        }
        return out;
    }

    @Test
    void wordsAreRunsOfLettersFoldedLikeTheScan() {
        assertEquals(List.of("sesion", "con", "ei", "psicoiogo"), folded("Sesión con el psicólogo"));
        assertEquals(List.of("didn", "t", "sieep"), folded("didn't  sleep"));
        assertEquals(List.of("room", "at", "eopm"), folded("room 4, at 10:30pm"), "digits against letters are leetspeak, as in the scan");
    }

    @Test
    void lookAlikesIgnorablesAndAstralLettersFoldIntoTheSameWord() {
        long plain = FoldedWords.of("therapy").hash(0);
        for (String disguised : List.of("THERAPY", "th\u0435r\u0430\u0440\u0443", "ther\u00adapy", "ther\u2060apy",
                "\ud835\udc2d\ud835\udc21\ud835\udc1e\ud835\udc2b\ud835\udc1a\ud835\udc29\ud835\udc32")) {
            FoldedWords words = FoldedWords.of(disguised);
            assertEquals(1, words.count(), disguised);
            assertEquals(plain, words.hash(0), disguised);
            assertEquals(disguised.length(), words.end(0), "the span covers the whole written word: " + disguised);
        }
    }

    @Test
    void wordsAreReadAsTheScanReadsThem() {
        long nightmares = FoldedWords.hash(folded("nightmares").get(0));
        for (String written : List.of("n1ghtmares", "&#110;ightmares", "night%6Dares", "night-\nmares", "<b>night</b>mares")) {
            List<String> words = folded(written);
            if (written.startsWith("<b>")) {
                assertEquals(List.of("night", "mares"), words, "a tag separates, as in the scan's first reading");
                continue;
            }
            assertEquals(1, words.size(), written + " -> " + words);
            assertEquals(nightmares, FoldedWords.of(written).hash(0), written);
        }
        assertEquals(List.of("room", "at", "pm"), folded("room 4, at 10:30 pm"), "digits alone are no letters");
    }

    @Test
    void textWithoutLatinLettersHasNoWords() {
        assertEquals(0, FoldedWords.of("").count());
        assertEquals(0, FoldedWords.of("12 / 07 -- !!").count());
        assertEquals(0, FoldedWords.of("\u5fc3\u7406\u54a8\u8be2").count());
    }

    @Test
    void aPairHashesDifferentlyFromEitherWordAndFromTheReversedPair() {
        long up = FoldedWords.hash("up");
        long opened = FoldedWords.hash("opened");
        long pair = FoldedWords.pair(opened, up);
        assertEquals(pair, FoldedWords.pair(opened, up));
        assertEquals(false, pair == opened || pair == up || pair == FoldedWords.pair(up, opened));
    }

    @Test
    void aModelWordMustBeFolded() {
        assertThrows(IllegalArgumentException.class, () -> FoldedWords.hash("Therapy"));
        assertThrows(IllegalArgumentException.class, () -> FoldedWords.hash("séance"));
    }
}
