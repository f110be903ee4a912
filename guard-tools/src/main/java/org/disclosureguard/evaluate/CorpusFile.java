package org.disclosureguard.evaluate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes labeled corpora: JSON lines of {@link CorpusLine}, UTF-8, one record a line. */
public final class CorpusFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CorpusFile() {}

    public static void write(Path file, List<CorpusLine> lines) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (CorpusLine line : lines) {
                writer.write(JSON.writeValueAsString(line.toJson()));
                writer.write('\n');
            }
        }
    }

    /** The lines of a corpus, in file order; blank lines are not allowed (they would shift line numbers). */
    public static List<CorpusLine> read(Path file) throws IOException {
        List<CorpusLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                lines.add(parse(text, file + ":" + number));
            }
        }
        return lines;
    }

    private static CorpusLine parse(String text, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidCorpusException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidCorpusException(where + ": expected an object {\"label\", \"class\", \"record\"}");
        }
        JsonNode record = node.get("record");
        if (record == null || !record.isObject()) {
            throw new InvalidCorpusException(where + ": \"record\" must be a CaseRecordEvent object");
        }
        try {
            return new CorpusLine(node.path("label").asText(null), node.path("class").asText(null), (ObjectNode) record);
        } catch (IllegalArgumentException e) {
            throw new InvalidCorpusException(where + ": " + e.getMessage());
        }
    }
}
