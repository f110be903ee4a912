package org.disclosureguard.review.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for the review users file: PBKDF2 with HMAC-SHA256 from the JDK, a 16-byte random salt,
 * 210,000 iterations (OWASP's recommendation for this function) and a 256-bit output, encoded as
 * {@code pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64}. The encoded form carries its iteration count, so
 * hashes made with another count still verify.
 */
public final class PasswordHash {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final int DEFAULT_ITERATIONS = 210_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** Refuses absurd counts in a users file, which would make every sign-in a denial of service. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Hashes a password with a fresh salt and the default iteration count. The caller's array is left as it was. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes with another iteration count: for tests, which would otherwise spend seconds in PBKDF2. Production
     * hashes use {@link #hash(char[])}; {@link UserStore#load} warns about users whose count is below the default.
     */
    public static String hash(char[] password, int iterations) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS + ", not " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations, HASH_BYTES);
        try {
            Base64.Encoder b64 = Base64.getEncoder();
            return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /**
     * Whether the password is the one hashed in {@code encoded}, compared in constant time. An empty or null
     * password never matches.
     *
     * @throws IllegalArgumentException if {@code encoded} is not a hash in this class's format
     */
    public static boolean matches(char[] password, String encoded) {
        Parsed parsed = parse(encoded);
        if (password == null || password.length == 0) {
            return false;
        }
        byte[] derived = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length);
        try {
            return MessageDigest.isEqual(derived, parsed.hash());
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** The iteration count of an encoded hash. @throws IllegalArgumentException if it is not in this class's format */
    public static int iterations(String encoded) {
        return parse(encoded).iterations();
    }

    /** What is wrong with an encoded hash, or null if it is well-formed. Never quotes the hash itself. */
    static String problem(String encoded) {
        try {
            parse(encoded);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    static Parsed parse(String encoded) {
        String expected = "expected " + SCHEME + "$ITERATIONS$SALT_BASE64$HASH_BASE64 (make one with the user-add command)";
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("the password hash is empty; " + expected);
        }
        String[] parts = encoded.strip().split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            String scheme = parts.length > 1 && parts[0].matches("[A-Za-z0-9_-]{1,32}") ? " '" + parts[0] + "'" : "";
            throw new IllegalArgumentException("unknown password hash format" + scheme + "; " + expected);
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the password hash's iteration count is not a number; " + expected);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the password hash's iteration count must be between 1 and " + MAX_ITERATIONS);
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the password hash's salt or hash is not valid base64; " + expected);
        }
        if (salt.length < SALT_BYTES) {
            throw new IllegalArgumentException("the password hash's salt is " + salt.length + " bytes, at least " + SALT_BYTES + " needed");
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the password hash's hash is " + hash.length + " bytes, not " + HASH_BYTES);
        }
        return new Parsed(iterations, salt, hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        // PBEKeySpec copies the password; clearPassword() zeroes that copy. SunJCE encodes it as UTF-8.
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
