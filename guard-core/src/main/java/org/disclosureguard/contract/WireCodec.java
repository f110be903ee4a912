package org.disclosureguard.contract;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * How one topic's values are framed and read: Avro single-object encoding ({@link SingleObjectCodec}, the
 * default) or the schema-registry wire format ({@code org.disclosureguard.registry.RegistryCodec}). Decoding
 * resolves any released version of the contract into the current one; anything else is an
 * {@link UndecodableRecordException}, never a crash. Instances are per stream task (not thread-safe).
 */
public interface WireCodec {
    /** The current (reader and writer) schema. */
    Schema schema();

    GenericRecord decode(byte[] bytes) throws UndecodableRecordException;

    /** Encodes a record of {@link #schema()}, generic or generated. */
    byte[] encode(GenericRecord record);
}
