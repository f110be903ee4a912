package org.disclosureguard.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.parser.Parser;

/**
 * Escaped text as a reader sees it: HTML entities, percent and quoted-printable escapes decoded, soft line breaks
 * removed. For the few places that need the letters behind an escape as written: the case of a case-sensitive
 * abbreviation written "%4E%45%54", the words whose language is checked; the scanner itself folds escapes inline
 * ({@link MarkupDecoder}).
 */
public final class Escapes {

    private Escapes() {
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]{0,60})?/?>");

    /** The text with tags removed and escapes decoded, for reading its language. */
    public static String readable(String text) {
        return decode(text.indexOf('<') < 0 ? text : TAG.matcher(text).replaceAll(""));
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0 && text.indexOf('%') < 0 && text.indexOf('=') < 0) {
            return text;
        }
        String unescaped = Parser.unescapeEntities(text.replaceAll("=\r?\n", ""), false);
        StringBuilder out = new StringBuilder(unescaped.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < unescaped.length(); i++) {
            char c = unescaped.charAt(i);
            if ((c == '%' || c == '=') && i + 2 < unescaped.length() && isHex(unescaped.charAt(i + 1)) && isHex(unescaped.charAt(i + 2))) {
                bytes.write(Integer.parseInt(unescaped.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            flush(bytes, out);
            out.append(c);
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
