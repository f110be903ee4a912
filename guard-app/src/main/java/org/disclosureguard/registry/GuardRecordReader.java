package org.disclosureguard.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.disclosureguard.contract.QuarantinedRecords;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.contract.review.QuarantinedRecord;

/**
 * Reads the guard's outputs (enforcement, review, audit) in either wire format, told apart by their first byte
 * (0: the registry format; C3: single-object encoding), for the tools that check or count them: the conservation
 * checker, the audit trail, the demo's counter. Without a registry URL in the settings, only single-object.
 */
public final class GuardRecordReader {
    private final RegistryClient registry;
    private final SingleObjectCodec enforcement = new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.ENFORCEMENT_CASE_EVENT);

    private GuardRecordReader(RegistryClient registry) {
        this.registry = registry;
    }

    /** A reader that asks {@code registry} (null: single-object encoding only). */
    public static GuardRecordReader of(RegistryClient registry) {
        return new GuardRecordReader(registry);
    }

    /** A reader for clients with these settings: the registry named by {@code schema.registry.url}, if any. */
    public static GuardRecordReader from(Map<String, ?> settings) {
        RegistrySettings registrySettings = RegistrySettings.parse(settings);
        return new GuardRecordReader(registrySettings == null ? null : new RegistryClient(registrySettings));
    }

    public GenericRecord enforcement(byte[] bytes) throws IOException {
        if (isRegistryFramed(bytes)) {
            return read(bytes, enforcement.schema(), new org.apache.avro.generic.GenericDatumReader<>());
        }
        try {
            return enforcement.decode(bytes);
        } catch (UndecodableRecordException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public ScreeningDecision decision(byte[] bytes) throws IOException {
        return isRegistryFramed(bytes) ? read(bytes, ScreeningDecision.getClassSchema(), new SpecificDatumReader<>(ScreeningDecision.class))
                : ScreeningDecision.fromByteBuffer(ByteBuffer.wrap(bytes));
    }

    public QuarantinedRecord quarantined(byte[] bytes) throws IOException {
        return isRegistryFramed(bytes) ? read(bytes, QuarantinedRecord.getClassSchema(), new SpecificDatumReader<>(QuarantinedRecord.class))
                : QuarantinedRecords.decode(bytes);
    }

    private boolean isRegistryFramed(byte[] bytes) {
        return registry != null && RegistryCodec.isFramed(bytes);
    }

    private <T> T read(byte[] bytes, Schema reader, org.apache.avro.generic.GenericDatumReader<T> datumReader) throws IOException {
        int id = RegistryCodec.schemaId(bytes);
        try {
            datumReader.setSchema(registry.schemaById(id));
        } catch (RegistryException e) {
            throw new IOException("schema id " + id + ": " + e.getMessage(), e);
        }
        datumReader.setExpected(reader);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, RegistryCodec.HEADER, bytes.length - RegistryCodec.HEADER, null);
        return datumReader.read(null, decoder);
    }
}
