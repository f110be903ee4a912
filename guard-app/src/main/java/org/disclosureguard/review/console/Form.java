package org.disclosureguard.review.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body or query string: names to values, in order. */
public final class Form {
    /** Larger bodies are refused. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, List<String>> values;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Form parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Form(values);
    }

    /** Reads a request body of at most {@link #MAX_BODY_BYTES}. */
    public static Form read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("the form is too large");
        }
        return parse(new String(bytes, StandardCharsets.US_ASCII));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The first value, or null. */
    public String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    /** The first value stripped, or null if missing or blank. */
    public String nonBlank(String name) {
        String value = get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The value as a whole number from {@code min} to {@code max} (the range of the type it is read into), or
     * {@code absent} when missing or blank.
     *
     * @throws IllegalArgumentException with {@code problem} when it is no whole number or out of that range
     */
    public long wholeNumber(String name, long absent, long min, long max, String problem) {
        String value = nonBlank(name);
        if (value == null) {
            return absent;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException(problem);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem);
        }
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
