package org.disclosureguard.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.disclosureguard.contract.BodyBounds;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.contract.UndecodableRecordException.Cause;
import org.disclosureguard.contract.WireCodec;

/**
 * The schema-registry (Confluent) wire format for one contract subject: magic byte 0, the 4-byte big-endian
 * schema id, then the Avro binary body. Decoding fetches the writer schema by id (cached) and accepts it only if
 * it is a released version of the contract, compared by Avro's parsing-canonical-form fingerprint (so a
 * registry that drops docs or custom properties still matches); the record is resolved into the current schema.
 * Unknown id, unknown schema, registry outage: an {@link UndecodableRecordException} with its own reason.
 * One instance per stream task (reader and buffer caches are not shared).
 */
public final class RegistryCodec implements WireCodec {
    public static final byte MAGIC = 0;
    /** Magic byte and schema id: where the Avro body starts. */
    static final int HEADER = 5;

    private final RegistryWireFormat registry;
    private final Schema current;
    private final Set<Long> knownVersions = new HashSet<>();
    private final int writeId;
    private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
    private final SpecificDatumWriter<GenericRecord> writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
    private BinaryDecoder decoder;
    private BinaryEncoder encoder;

    RegistryCodec(RegistryWireFormat registry, SchemaCatalog catalog, String catalogSubject, int writeId) {
        this.registry = registry;
        this.current = catalog.current(catalogSubject);
        for (SchemaCatalog.SchemaVersion version : catalog.versions(catalogSubject)) {
            knownVersions.add(SchemaNormalization.parsingFingerprint64(version.schema()));
        }
        this.writeId = writeId;
        // Specific data writes generated records (Java enums) and generic ones alike.
        this.writer = new SpecificDatumWriter<>(current);
    }

    @Override
    public Schema schema() {
        return current;
    }

    @Override
    public GenericRecord decode(byte[] bytes) throws UndecodableRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableRecordException(Cause.EMPTY, "no value", null);
        }
        if (!isFramed(bytes)) {
            throw new UndecodableRecordException(Cause.NOT_REGISTRY_FRAMED, bytes.length < HEADER
                    ? "only " + bytes.length + " bytes" : "first byte " + (bytes[0] & 0xff) + ", not the magic byte 0", null);
        }
        int id = schemaId(bytes);
        GenericDatumReader<GenericRecord> reader = readers.get(id);
        if (reader == null) {
            reader = readerFor(id);
            readers.put(id, reader);
        }
        // Every length and count is checked against the bytes left before Avro allocates what they claim.
        String problem = BodyBounds.problem(reader.getSchema(), bytes, HEADER, bytes.length - HEADER);
        if (problem != null) {
            throw new UndecodableRecordException(Cause.MALFORMED, "schema id " + id + ": " + problem, null);
        }
        try {
            decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, decoder);
            GenericRecord record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("trailing bytes after the record");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(Cause.MALFORMED,
                    "schema id " + id + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** Whether the bytes start with the registry framing (magic byte 0 and room for a schema id). */
    public static boolean isFramed(byte[] bytes) {
        return bytes != null && bytes.length >= HEADER && bytes[0] == MAGIC;
    }

    /** The schema id of framed bytes. */
    static int schemaId(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    private GenericDatumReader<GenericRecord> readerFor(int id) throws UndecodableRecordException {
        Schema writerSchema;
        try {
            writerSchema = registry.writerSchema(id);
        } catch (RegistryException.NotFound e) {
            throw new UndecodableRecordException(Cause.UNKNOWN_SCHEMA_ID, "schema id " + id + ": " + e.getMessage(), e);
        } catch (RegistryException.Unavailable e) {
            throw new UndecodableRecordException(Cause.REGISTRY_UNAVAILABLE, "schema id " + id + ": " + e.getMessage(), e);
        } catch (RegistryException e) {
            throw new UndecodableRecordException(Cause.UNKNOWN_SCHEMA_ID, "schema id " + id + ": " + e.getMessage(), e);
        }
        if (!knownVersions.contains(SchemaNormalization.parsingFingerprint64(writerSchema))) {
            throw new UndecodableRecordException(Cause.UNKNOWN_SCHEMA, "schema id " + id + " is " + writerSchema.getFullName()
                    + " but not a released version of " + current.getFullName(), null);
        }
        return new GenericDatumReader<>(writerSchema, current, GenericData.get());
    }

    @Override
    public byte[] encode(GenericRecord record) {
        if (writeId < 0) {
            throw new IllegalStateException("no schema id prepared for writing " + current.getFullName());
        }
        try {
            buffer.reset();
            buffer.write(MAGIC);
            buffer.write(ByteBuffer.allocate(4).putInt(writeId).array());
            encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
            writer.write(record, encoder);
            encoder.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
