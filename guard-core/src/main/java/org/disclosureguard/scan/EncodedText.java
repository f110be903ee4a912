package org.disclosureguard.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Text hidden behind an encoding inside free text: base64 (standard, URL-safe, MIME-wrapped) and hex runs. A run
 * that decodes to readable UTF-8 text is scanned again as text; a long run that does not is opaque: the guard
 * cannot say what it holds. (Percent escapes, quoted-printable and HTML entities are decoded inline by
 * {@link MarkupDecoder}.)
 */
final class EncodedText {

    /** A run shorter than this is an id or a word, not a hidden text. */
    static final int MIN_RUN = ScanPass.ENCODED_CANDIDATE_LENGTH;
    /** A run this long that is not text and mixes character classes like encoded data is opaque. */
    static final int MIN_OPAQUE = 24;
    private static final int MIN_OPAQUE_HEX = 32;
    private static final int MIN_LETTERS = 4;
    private static final double MIN_PRINTABLE = 0.9;

    /** What an encoded run held. */
    enum Encoding { BASE64, HEX }

    /** A run of the original text, [start, end), and what it decodes to: text, or null when opaque. */
    record Run(int start, int end, Encoding encoding, String decoded) {
        boolean opaque() {
            return decoded == null;
        }
    }

    private EncodedText() {
    }

    /**
     * The encoded runs among the long chunks of a scan: each chunk trimmed of surrounding punctuation; MIME
     * base64 lines (a multiple of 4 long, separated only by white space) are joined into one run first.
     */
    static List<Run> runs(String text, ScanPass pass) {
        List<Run> runs = new ArrayList<>(0);
        int k = 0;
        int count = pass.longChunkCount();
        while (k < count) {
            int start = trimStart(text, pass.longChunkStart(k), pass.longChunkEnd(k));
            int end = trimEnd(text, start, pass.longChunkEnd(k));
            StringBuilder joined = new StringBuilder(text.substring(start, end));
            // Whether the whole join so far is base64, kept up as lines are added (checking the join again at every
            // line would read a long MIME block once per line).
            boolean base64SoFar = isBase64(joined);
            while (k + 1 < count && joined.length() % 4 == 0 && base64SoFar
                    && onlySpace(text, pass.longChunkEnd(k), pass.longChunkStart(k + 1))) {
                k++;
                int nextEnd = trimEnd(text, pass.longChunkStart(k), pass.longChunkEnd(k));
                String line = text.substring(pass.longChunkStart(k), nextEnd);
                base64SoFar = joined.charAt(joined.length() - 1) != '=' && isBase64(line);
                joined.append(line);
                end = nextEnd;
            }
            Run run = examine(joined.toString(), start, end);
            if (run != null) {
                runs.add(run);
            }
            k++;
        }
        return runs;
    }

    /** The run {@code chunk} (at [start, end) of the text), or null when it is neither encoded text nor opaque. */
    static Run examine(String chunk, int start, int end) {
        if (chunk.length() < MIN_RUN) {
            return null;
        }
        if (isHex(chunk)) {
            String decoded = chunk.length() % 2 == 0 ? asText(hexBytes(chunk)) : null;
            if (decoded != null) {
                return new Run(start, end, Encoding.HEX, decoded);
            }
            return chunk.length() >= MIN_OPAQUE_HEX && looksLikeHexData(chunk) ? new Run(start, end, Encoding.HEX, null) : null;
        }
        if (!isBase64(chunk)) {
            return null;
        }
        String decoded = asText(base64Bytes(chunk));
        if (decoded != null) {
            return new Run(start, end, Encoding.BASE64, decoded);
        }
        return looksLikeData(chunk) ? new Run(start, end, Encoding.BASE64, null) : null;
    }

    /**
     * Encoded data, not an identifier: a stretch of at least {@link #MIN_OPAQUE} characters between separators
     * ('-', '_', '.', '/') mixing upper case, lower case and digits. Ids, UUIDs and hyphenated words are made of
     * short pieces, or of one case only.
     */
    private static boolean looksLikeData(String chunk) {
        for (String piece : chunk.split("[-_./]+")) {
            if (piece.length() >= MIN_OPAQUE && characterClasses(piece) >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Hex data, not a number: both letters and digits (a long run of digits is an account or phone number). */
    private static boolean looksLikeHexData(String chunk) {
        return chunk.chars().anyMatch(c -> c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    private static boolean isHex(CharSequence s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return digit;
    }

    /** Base64 or base64url alphabet, with at most two '=' of padding at the end. */
    private static boolean isBase64(CharSequence s) {
        int n = s.length();
        int padding = 0;
        while (padding < 2 && n - padding - 1 >= 0 && s.charAt(n - padding - 1) == '=') {
            padding++;
        }
        for (int i = 0; i < n - padding; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_')) {
                return false;
            }
        }
        return n - padding > 0;
    }

    /** Upper case, lower case, digits, symbols: how many of these the run has (encoded data has most). */
    private static int characterClasses(CharSequence s) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            symbol |= c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static byte[] hexBytes(String s) {
        byte[] bytes = new byte[s.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (Character.digit(s.charAt(2 * i), 16) * 16 + Character.digit(s.charAt(2 * i + 1), 16));
        }
        return bytes;
    }

    private static byte[] base64Bytes(String s) {
        String standard = s.replace('-', '+').replace('_', '/');
        String unpadded = standard.replace("=", "");
        if (unpadded.length() % 4 == 1) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(unpadded + "==".substring(0, (4 - unpadded.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The bytes as strict UTF-8, if that reads as text: mostly printable, with some letters. */
    private static String asText(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        String decoded;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            decoded = chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        int printable = 0;
        int letters = 0;
        for (int i = 0; i < decoded.length(); ) {
            int cp = decoded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
            }
            if (!Character.isISOControl(cp) || cp == '\n' || cp == '\r' || cp == '\t') {
                printable++;
            }
        }
        int total = decoded.codePointCount(0, decoded.length());
        return letters >= MIN_LETTERS && printable >= MIN_PRINTABLE * total ? decoded : null;
    }

    private static int trimStart(String text, int start, int end) {
        while (start < end && !isRunChar(text.charAt(start))) {
            start++;
        }
        return start;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && !isRunChar(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isRunChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
                || c == '-' || c == '_';
    }

    private static boolean onlySpace(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
