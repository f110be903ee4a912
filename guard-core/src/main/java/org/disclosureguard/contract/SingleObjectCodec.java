package org.disclosureguard.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;

/**
 * Avro single-object encoding (magic bytes C3 01, the writer schema's 64-bit fingerprint, then the binary body)
 * for one catalog subject, in generic form. Decoding accepts every released version of the subject and resolves
 * it into the current one; anything else is an {@link UndecodableRecordException}, never a crash.
 * Not thread-safe for encoding (the encoder reuses a buffer): give each stream task its own instance.
 */
public final class SingleObjectCodec implements WireCodec {
    private final Schema current;
    private final BinaryMessageDecoder<GenericRecord> decoder;
    private final BinaryMessageEncoder<GenericRecord> encoder;
    /** Each released version by its 64-bit fingerprint, to bound its body before Avro allocates anything. */
    private final Map<Long, Schema> writers = new HashMap<>();

    /** Magic bytes and the 8-byte fingerprint before the body. */
    static final int HEADER = 10;

    public SingleObjectCodec(SchemaCatalog catalog, String subject) {
        this.current = catalog.current(subject);
        this.decoder = new BinaryMessageDecoder<>(GenericData.get(), current);
        for (SchemaCatalog.SchemaVersion version : catalog.versions(subject)) {
            decoder.addSchema(version.schema());
            writers.put(Fingerprints.of(version.schema()), version.schema());
        }
        this.encoder = new BinaryMessageEncoder<>(GenericData.get(), current);
    }

    @Override
    public Schema schema() {
        return current;
    }

    @Override
    public GenericRecord decode(byte[] bytes) throws UndecodableRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableRecordException(UndecodableRecordException.Cause.EMPTY, "no value", null);
        }
        Schema writer = writerOf(bytes);
        if (writer != null) {
            String problem = BodyBounds.problem(writer, bytes, HEADER, bytes.length - HEADER);
            if (problem != null) {
                throw new UndecodableRecordException(UndecodableRecordException.Cause.MALFORMED, problem, null);
            }
        }
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new UndecodableRecordException(UndecodableRecordException.Cause.UNKNOWN_SCHEMA, unknownWriter(bytes), e);
        } catch (BadHeaderException e) {
            throw new UndecodableRecordException(UndecodableRecordException.Cause.NOT_SINGLE_OBJECT, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Corrupt bodies surface as EOF, bad lengths (Avro's SystemLimitException), bad union or enum indexes.
            throw new UndecodableRecordException(UndecodableRecordException.Cause.MALFORMED,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** Which fingerprint the header names and which ones the contract has: what a producer's author compares. */
    private String unknownWriter(byte[] bytes) {
        long fingerprint = fingerprintOf(bytes);
        StringBuilder released = new StringBuilder();
        writers.keySet().stream().sorted().forEach(known -> released.append(released.length() == 0 ? "" : ", ")
                .append(Fingerprints.hex(known)));
        return "the header names writer schema fingerprint " + Fingerprints.hex(fingerprint) + " (header "
                + Fingerprints.headerHex(fingerprint) + "), not a released version of " + current.getFullName()
                + " (" + released + "; CRC-64-AVRO of the Parsing Canonical Form, little-endian)";
    }

    private static long fingerprintOf(byte[] bytes) {
        long fingerprint = 0;
        for (int i = HEADER - 1; i >= 2; i--) {
            fingerprint = fingerprint << 8 | (bytes[i] & 0xff);
        }
        return fingerprint;
    }

    /** The released writer schema the header names, or null (no header, or an unknown one: Avro's decoder says which). */
    private Schema writerOf(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != (byte) 0xC3 || bytes[1] != 0x01) {
            return null;
        }
        return writers.get(fingerprintOf(bytes));
    }

    @Override
    public byte[] encode(GenericRecord record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
