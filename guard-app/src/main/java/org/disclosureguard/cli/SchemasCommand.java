package org.disclosureguard.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.disclosureguard.contract.Fingerprints;
import org.disclosureguard.contract.SchemaCatalog;
import picocli.CommandLine.Command;

/** The contracts' released versions with the single-object headers that name them, for other languages' producers. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = {"Prints every released version of the four contracts (input, enforcement, audit, review) with the "
                + "fingerprint that names it in single-object encoding: CRC-64-AVRO of the schema's Parsing Canonical "
                + "Form, as a number in hex and as the ten header bytes on the wire (C3 01, then the fingerprint "
                + "little-endian). A producer in another language must write the header of a released input version; "
                + "a consumer finds the enforcement version in the header of each record it reads."})
final class SchemasCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println(table(SchemaCatalog.bundled()));
        return 0;
    }

    /** One row a released version, oldest first per contract; the current version of each is marked. */
    static String table(SchemaCatalog catalog) {
        StringBuilder out = new StringBuilder("| contract | version | fingerprint | single-object header |\n|---|---|---|---|\n");
        for (Map.Entry<String, List<SchemaCatalog.SchemaVersion>> subject : catalog.subjects().entrySet()) {
            List<SchemaCatalog.SchemaVersion> versions = subject.getValue();
            for (int i = 0; i < versions.size(); i++) {
                long fingerprint = Fingerprints.of(versions.get(i).schema());
                out.append("| ").append(subject.getKey()).append(" | ").append(versions.get(i).file())
                        .append(i == versions.size() - 1 ? " (current)" : "").append(" | `").append(Fingerprints.hex(fingerprint))
                        .append("` | `").append(Fingerprints.headerHex(fingerprint)).append("` |\n");
            }
        }
        return out.toString().stripTrailing();
    }
}
