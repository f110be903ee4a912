package org.disclosureguard.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.config.ConfigException;

/**
 * Seals quarantined payloads before they are written to the review topic (AES-256-GCM from the JDK), so that the
 * review topic is not a new leak: a consumer without the key learns the metadata (ids, rules, field paths) but not
 * what the record said. The sealed form is {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}; the record's
 * quarantine id is the associated data, so a sealed payload cannot be moved to another record unnoticed. The key
 * id travels in a header; old keys stay readable after a rotation (README "Review payload sealing").
 * Thread-safe.
 */
public final class PayloadSeal {
    public static final String ALGORITHM = "AES-256-GCM";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private PayloadSeal(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * From the settings' values: {@code current} is {@code KEY_ID:BASE64_KEY}; {@code previous} a comma-separated
     * list of such entries, for records sealed before a rotation.
     *
     * @throws ConfigException naming the setting if an entry is malformed or a key is not 256 bits
     */
    public static PayloadSeal of(String current, String previous, String currentSetting, String previousSetting) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String id = parse(current, currentSetting, keys);
        if (previous != null && !previous.isBlank()) {
            for (String entry : previous.split(",")) {
                parse(entry.trim(), previousSetting, keys);
            }
        }
        return new PayloadSeal(id, Map.copyOf(keys));
    }

    /** A new random key in the settings' form, {@code KEY_ID:BASE64_KEY}. */
    public static String newKey(String keyId) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return keyId + ":" + Base64.getEncoder().encodeToString(key);
    }

    private static String parse(String entry, String setting, Map<String, SecretKey> keys) {
        int at = entry == null ? -1 : entry.indexOf(':');
        if (at <= 0) {
            throw new ConfigException(setting, "(hidden)", "expected KEY_ID:BASE64_KEY (see the seal-key command)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(entry.substring(at + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting, "(hidden)", "the key is not base64");
        }
        if (key.length != 32) {
            throw new ConfigException(setting, "(hidden)", "the key must be 256 bits (32 bytes), not " + key.length * 8);
        }
        String id = entry.substring(0, at).trim();
        keys.put(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** The id of the key new payloads are sealed with. */
    public String keyId() {
        return currentId;
    }

    /** Seals {@code plaintext} for the record {@code quarantineId} with the current key. */
    public byte[] seal(byte[] plaintext, String quarantineId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(quarantineId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * Opens a payload sealed with key {@code keyId} for {@code quarantineId}.
     *
     * @throws GeneralSecurityException if the key is unknown, or the payload was altered or belongs to another record
     */
    public byte[] open(byte[] sealed, String keyId, String quarantineId) throws GeneralSecurityException {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new GeneralSecurityException("no key with id '" + keyId + "' (configure it among the previous keys)");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short to be a sealed payload");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(quarantineId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    /** Keys stay out of logs. */
    @Override
    public String toString() {
        return ALGORITHM + " with key " + currentId + " (" + keys.size() + " key(s) known)";
    }
}
