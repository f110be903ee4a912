package org.disclosureguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.disclosureguard.policy.FieldPlan;
import org.junit.jupiter.api.Test;

/** The contract's own invariants, checked on the files in schemas/ as an agency's CI would. */
class ContractLintTest {
    private static final Path SCHEMAS = Path.of("schemas");
    private static final Set<String> NEVER_FORWARDED = Set.of("therapy", "provenance", "extension");

    private static SchemaCatalog catalogFromFolder() {
        return SchemaCatalog.load(relative -> Files.newInputStream(SCHEMAS.resolve(relative)));
    }

    @Test
    void everyFieldOfEveryInputVersionIsClassified() {
        for (SchemaCatalog.SchemaVersion version : catalogFromFolder().versions(SchemaCatalog.CASE_RECORD_EVENT)) {
            List<String> unclassified = new ArrayList<>();
            collectUnclassified(version.schema(), "", unclassified);
            assertTrue(unclassified.isEmpty(), version.file() + " has unclassified fields: " + unclassified);
        }
    }

    @Test
    void noEnforcementFieldComesFromATherapyProvenanceOrExtensionField() {
        SchemaCatalog catalog = catalogFromFolder();
        Schema input = catalog.current(SchemaCatalog.CASE_RECORD_EVENT);
        Schema output = catalog.current(SchemaCatalog.ENFORCEMENT_CASE_EVENT);
        List<String> violations = new ArrayList<>();
        checkOutput(input, output, "", violations);
        assertTrue(violations.isEmpty(), "enforcement fields with forbidden sources: " + violations);
        assertEquals(null, output.getField("counseling"));
        assertEquals(null, output.getField("attributes"));
        assertEquals(null, output.getField("informationSource"));
        assertEquals(null, output.getField("author"));
    }

    @Test
    void everyInputVersionIsReadableByTheCurrentReader() {
        SchemaCatalog catalog = catalogFromFolder();
        Schema reader = catalog.current(SchemaCatalog.CASE_RECORD_EVENT);
        for (SchemaCatalog.SchemaVersion version : catalog.versions(SchemaCatalog.CASE_RECORD_EVENT)) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, version.schema());
            assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE, result.getType(),
                    version.file() + ": " + result.getDescription());
        }
    }

    @Test
    void everySchemaFileIsInTheCatalogAndEveryFieldIsDocumented() throws IOException {
        SchemaCatalog catalog = catalogFromFolder();
        List<String> listed = catalog.subjects().values().stream().flatMap(List::stream)
                .map(SchemaCatalog.SchemaVersion::file).toList();
        try (Stream<Path> files = Files.walk(SCHEMAS)) {
            files.filter(p -> p.toString().endsWith(".avsc")).forEach(p ->
                    assertTrue(listed.contains(SCHEMAS.relativize(p).toString().replace('\\', '/')), p + " is not in catalog.yaml"));
        }
        catalog.subjects().values().stream().flatMap(List::stream).forEach(v -> assertDocumented(v.schema(), v.file()));
    }

    private static void assertDocumented(Schema schema, String file) {
        for (Schema.Field field : schema.getFields()) {
            assertNotNull(field.doc(), file + ": field " + field.name() + " has no doc");
            assertFalse(field.doc().isBlank(), file + ": field " + field.name() + " has an empty doc");
            Schema type = FieldPlan.nonNull(field.schema());
            if (type.getType() == Schema.Type.RECORD) {
                assertDocumented(type, file);
            } else if (type.getType() == Schema.Type.ARRAY && type.getElementType().getType() == Schema.Type.RECORD) {
                assertDocumented(type.getElementType(), file);
            }
        }
    }

    private static void collectUnclassified(Schema record, String prefix, List<String> out) {
        for (Schema.Field field : record.getFields()) {
            String path = prefix + field.name();
            if (field.getProp(FieldPlan.CLASSIFICATION_PROPERTY) == null) {
                out.add(path);
            }
            Schema type = FieldPlan.nonNull(field.schema());
            if (type.getType() == Schema.Type.RECORD) {
                collectUnclassified(type, path + ".", out);
            }
        }
    }

    private static void checkOutput(Schema input, Schema output, String prefix, List<String> violations) {
        for (Schema.Field outField : output.getFields()) {
            if ("guard".equals(outField.getProp("source"))) {
                continue;
            }
            Schema.Field inField = input.getField(outField.name());
            if (inField == null) {
                violations.add(prefix + outField.name() + " (no input field)");
                continue;
            }
            String classification = inField.getProp(FieldPlan.CLASSIFICATION_PROPERTY);
            if (NEVER_FORWARDED.contains(classification)) {
                violations.add(prefix + outField.name() + " (" + classification + ")");
            }
            Schema outType = FieldPlan.nonNull(outField.schema());
            if (outType.getType() == Schema.Type.RECORD) {
                checkOutput(FieldPlan.nonNull(inField.schema()), outType, prefix + outField.name() + ".", violations);
            }
        }
    }
}
