package org.disclosureguard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Every released version of every contract schema, as listed in {@code schemas/catalog.yaml} (shipped in the
 * jar under {@code schemas/}). The last version of each subject is the current one; decoders accept any listed
 * version as a writer and resolve it into the current reader schema.
 */
public final class SchemaCatalog {
    public static final String CASE_RECORD_EVENT = "CaseRecordEvent";
    public static final String ENFORCEMENT_CASE_EVENT = "EnforcementCaseEvent";
    public static final String SCREENING_DECISION = "ScreeningDecision";
    public static final String QUARANTINED_RECORD = "QuarantinedRecord";

    private static final String ROOT = "schemas/";
    private static volatile SchemaCatalog bundled;

    private final Map<String, List<SchemaVersion>> versionsBySubject;

    /** One released schema version and the file it came from. */
    public record SchemaVersion(String file, Schema schema) {}

    private SchemaCatalog(Map<String, List<SchemaVersion>> versionsBySubject) {
        this.versionsBySubject = versionsBySubject;
    }

    /** The catalog shipped in the jar. */
    public static SchemaCatalog bundled() {
        SchemaCatalog catalog = bundled;
        if (catalog == null) {
            synchronized (SchemaCatalog.class) {
                if (bundled == null) {
                    bundled = load(SchemaCatalog::openResource);
                }
                catalog = bundled;
            }
        }
        return catalog;
    }

    /** Opens a catalog file by its path relative to the schemas folder. */
    @FunctionalInterface
    public interface SchemaSource {
        InputStream open(String relativePath) throws IOException;
    }

    /** Loads a catalog from any source (the jar, or a folder for lint). */
    public static SchemaCatalog load(SchemaSource source) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, List<SchemaVersion>> subjects = new LinkedHashMap<>();
        try (InputStream in = source.open("catalog.yaml")) {
            JsonNode root = yaml.readTree(in).path("subjects");
            if (!root.isObject()) {
                throw new IllegalStateException("schemas/catalog.yaml has no 'subjects' map");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> subject = it.next();
                List<SchemaVersion> versions = new ArrayList<>();
                for (JsonNode file : subject.getValue()) {
                    try (InputStream schemaIn = source.open(file.asText())) {
                        versions.add(new SchemaVersion(file.asText(), new Schema.Parser().parse(schemaIn)));
                    }
                }
                if (versions.isEmpty()) {
                    throw new IllegalStateException("schemas/catalog.yaml lists no version of " + subject.getKey());
                }
                subjects.put(subject.getKey(), Collections.unmodifiableList(versions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema catalog: " + e.getMessage(), e);
        }
        return new SchemaCatalog(Collections.unmodifiableMap(subjects));
    }

    private static InputStream openResource(String relativePath) throws IOException {
        InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(ROOT + relativePath);
        if (in == null) {
            throw new IOException("missing resource " + ROOT + relativePath);
        }
        return in;
    }

    public Map<String, List<SchemaVersion>> subjects() {
        return versionsBySubject;
    }

    public List<SchemaVersion> versions(String subject) {
        List<SchemaVersion> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new IllegalArgumentException("no subject " + subject + " in the schema catalog");
        }
        return versions;
    }

    public Schema current(String subject) {
        List<SchemaVersion> versions = versions(subject);
        return versions.get(versions.size() - 1).schema();
    }
}
