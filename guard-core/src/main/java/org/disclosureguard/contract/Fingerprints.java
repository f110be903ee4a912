package org.disclosureguard.contract;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The 64-bit fingerprint that names a writer schema in Avro's single-object encoding: CRC-64-AVRO of the schema's
 * Parsing Canonical Form, written little-endian after the magic bytes {@code C3 01}. Shown the way an engineer
 * writing a producer in another language compares it: as the header bytes on the wire, and as a number in hex
 * (never as Java's signed decimal).
 */
public final class Fingerprints {
    /** The magic bytes of single-object encoding, before the fingerprint. */
    public static final String MAGIC_HEX = "C3 01";

    private Fingerprints() {
    }

    public static long of(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The fingerprint as a 64-bit number: {@code 0x} and 16 hex digits. */
    public static String hex(long fingerprint) {
        return String.format(Locale.ROOT, "0x%016X", fingerprint);
    }

    /** The ten header bytes of a record written with this fingerprint: {@code C3 01} and the fingerprint, little-endian. */
    public static String headerHex(long fingerprint) {
        StringBuilder header = new StringBuilder(MAGIC_HEX);
        for (int i = 0; i < 8; i++) {
            header.append(String.format(Locale.ROOT, " %02X", (fingerprint >>> (8 * i)) & 0xFF));
        }
        return header.toString();
    }
}
