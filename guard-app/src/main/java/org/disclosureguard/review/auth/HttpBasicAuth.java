package org.disclosureguard.review.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** HTTP Basic authentication (RFC 7617) of review API requests against a {@link UserStore}. */
public final class HttpBasicAuth {
    public static final String REALM = "disclosure-guard-review";
    /** Longer headers are refused without decoding them. */
    static final int MAX_HEADER_LENGTH = 4096;

    private HttpBasicAuth() {
    }

    /**
     * The person an {@code Authorization: Basic base64(name:password)} header (UTF-8) signs in, or empty for a
     * missing or malformed header, another scheme, or credentials the store refuses.
     */
    public static Optional<Principal> authenticate(String authorizationHeader, UserStore users) {
        return authenticate(authorizationHeader, users, UserStore.UNKNOWN_ADDRESS);
    }

    /** As {@link #authenticate(String, UserStore)}, for a caller at {@code address} (lock-outs are per address). */
    public static Optional<Principal> authenticate(String authorizationHeader, UserStore users, String address) {
        if (authorizationHeader == null || authorizationHeader.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        String header = authorizationHeader.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        char[] password = null;
        try {
            int colon = indexOf(decoded, (byte) ':'); // in UTF-8, 0x3A is never part of a longer character
            if (colon <= 0) {
                return Optional.empty();
            }
            String name = utf8(decoded, 0, colon).map(String::new).orElse(null);
            password = utf8(decoded, colon + 1, decoded.length - colon - 1).orElse(null);
            if (name == null || password == null || password.length == 0) {
                return Optional.empty();
            }
            return users.authenticate(name, password, address);
        } finally {
            Arrays.fill(decoded, (byte) 0);
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The {@code WWW-Authenticate} value of a 401 response. */
    public static String challenge() {
        return "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Strict UTF-8 decoding into an array the caller owns (and zeroes); empty for malformed bytes. */
    private static Optional<char[]> utf8(byte[] bytes, int offset, int length) {
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            return Optional.of(result);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
