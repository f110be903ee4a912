package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosureguard.contract.Fingerprints;
import org.disclosureguard.contract.SchemaCatalog;
import org.junit.jupiter.api.Test;

/** The interop guide's published fingerprints and headers are the jar's: an engineer can check their encoding by them. */
class InteropGuideTest {
    private static final Path GUIDE = Path.of("docs", "interop.md");
    private static final Path EXAMPLE = Path.of("docs", "interop", "case_events.py");

    @Test
    void theGuidesTableIsWhatTheSchemasCommandPrints() throws Exception {
        String table = SchemasCommand.table(SchemaCatalog.bundled());
        assertTrue(Files.readString(GUIDE).contains(table),
                "docs/interop.md's table is stale: paste the output of `disclosure-guard schemas`:\n" + table);
    }

    @Test
    void thePythonExampleWritesAndExpectsTheCurrentHeaders() throws Exception {
        String example = Files.readString(EXAMPLE);
        SchemaCatalog catalog = SchemaCatalog.bundled();
        assertTrue(example.contains("INPUT_HEADER = bytes.fromhex(\"" + header(catalog, SchemaCatalog.CASE_RECORD_EVENT) + "\")"));
        assertTrue(example.contains("ENFORCEMENT_HEADER = bytes.fromhex(\""
                + header(catalog, SchemaCatalog.ENFORCEMENT_CASE_EVENT) + "\")"));
    }

    @Test
    void headersAreTheMagicBytesAndTheFingerprintLittleEndian() {
        assertEquals("C3 01 EF CD AB 89 67 45 23 01", Fingerprints.headerHex(0x0123456789ABCDEFL));
        assertEquals("0xFEDCBA9876543210", Fingerprints.hex(0xFEDCBA9876543210L), "hex, never a signed decimal");
    }

    private static String header(SchemaCatalog catalog, String subject) {
        return Fingerprints.headerHex(Fingerprints.of(catalog.current(subject)));
    }
}
