package org.disclosureguard.contract;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.disclosureguard.contract.review.QuarantinedRecord;

/**
 * Reads a review record (a value of review.quarantine, or the review store's copy of one) written with any released
 * version of {@code QuarantinedRecord} as the current version. A guard upgraded to a newer contract still reads the
 * records its older self quarantined: the generated class's own decoder knows only the current schema and refuses
 * every older fingerprint.
 */
public final class QuarantinedRecords {

    private static final BinaryMessageDecoder<QuarantinedRecord> DECODER = decoder(SchemaCatalog.bundled());

    private QuarantinedRecords() {
    }

    /** A decoder that knows every version the catalog lists for {@code QuarantinedRecord}. */
    static BinaryMessageDecoder<QuarantinedRecord> decoder(SchemaCatalog catalog) {
        SchemaStore.Cache released = new SchemaStore.Cache();
        for (SchemaCatalog.SchemaVersion version : catalog.versions(SchemaCatalog.QUARANTINED_RECORD)) {
            released.addSchema(version.schema());
        }
        return QuarantinedRecord.createDecoder(released);
    }

    /** The record, whichever released version wrote it; an unknown fingerprint or bad bytes throw. */
    public static QuarantinedRecord decode(byte[] bytes) throws IOException {
        return DECODER.decode(ByteBuffer.wrap(bytes));
    }
}
