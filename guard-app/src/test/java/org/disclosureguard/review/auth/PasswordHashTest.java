package org.disclosureguard.review.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** PBKDF2 hashes: round trip, fresh salts, the encoded form, refusal of other formats. */
class PasswordHashTest {
    static final int FAST = 1_000;

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        char[] password = "correct horse battery staple".toCharArray();
        String encoded = PasswordHash.hash(password, FAST);
        assertEquals("correct horse battery staple", new String(password), "the caller's array is left as it was");
        assertTrue(PasswordHash.matches("correct horse battery staple".toCharArray(), encoded));
        assertFalse(PasswordHash.matches("correct horse battery stapler".toCharArray(), encoded));
        assertFalse(PasswordHash.matches("".toCharArray(), encoded));
        assertFalse(PasswordHash.matches(null, encoded));
    }

    @Test
    void nonAsciiPasswordsRoundTrip() {
        String encoded = PasswordHash.hash("contraseña-ñandú-🔒".toCharArray(), FAST);
        assertTrue(PasswordHash.matches("contraseña-ñandú-🔒".toCharArray(), encoded));
        assertFalse(PasswordHash.matches("contrasena-nandu-🔒".toCharArray(), encoded));
    }

    @Test
    void everyHashHasAFreshSalt() {
        String first = PasswordHash.hash("same password".toCharArray(), FAST);
        String second = PasswordHash.hash("same password".toCharArray(), FAST);
        assertNotEquals(first.split("\\$")[2], second.split("\\$")[2]);
        assertNotEquals(first, second);
        assertTrue(PasswordHash.matches("same password".toCharArray(), first));
        assertTrue(PasswordHash.matches("same password".toCharArray(), second));
    }

    @Test
    void theDefaultEncodingIsPbkdf2Sha256With210000IterationsA16ByteSaltAnd256Bits() {
        String encoded = PasswordHash.hash("one slow hash".toCharArray()); // the only default-cost hash in the suite
        String[] parts = encoded.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertEquals(210_000, PasswordHash.iterations(encoded));
    }

    @Test
    void otherFormatsAreRefusedClearly() {
        String good = PasswordHash.hash("x-password".toCharArray(), FAST);
        String[] p = good.split("\\$");
        char[] pw = "x-password".toCharArray();
        IllegalArgumentException bcrypt = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.matches(pw, "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"));
        assertTrue(bcrypt.getMessage().contains("unknown password hash format"), bcrypt.getMessage());
        assertTrue(bcrypt.getMessage().contains("pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64"), bcrypt.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, "plaintext-password"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, ""));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, null));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, "pbkdf2-sha1$" + p[1] + "$" + p[2] + "$" + p[3]));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, p[0] + "$many$" + p[2] + "$" + p[3]));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, p[0] + "$0$" + p[2] + "$" + p[3]));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, p[0] + "$999999999$" + p[2] + "$" + p[3]));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, p[0] + "$" + p[1] + "$not*base64$" + p[3]));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, p[0] + "$" + p[1] + "$c2hvcnQ=$" + p[3]));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, p[0] + "$" + p[1] + "$" + p[2] + "$c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.matches(pw, good + "$extra"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash(new char[0], FAST));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash(pw, 0));
    }
}
