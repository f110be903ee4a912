package org.disclosureguard.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.disclosureguard.cli.Main;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    private static final Path EXAMPLE = Path.of("examples/case-events.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void exampleFileGivesTheExpectedSplit(@TempDir Path out) throws Exception {
        Replay.Summary summary = new Replay(Policy.bundled()).run(EXAMPLE, out);

        assertEquals(20, summary.lines());
        assertEquals(7, summary.count(Decision.FORWARD));
        assertEquals(2, summary.count(Decision.FORWARD_REDACTED));
        assertEquals(7, summary.count(Decision.HOLD));
        assertEquals(4, summary.count(Decision.REJECT));

        List<JsonNode> audit = read(out.resolve(Replay.AUDIT_FILE));
        assertEquals(20, audit.size(), "one decision per input line");
        List<JsonNode> enforcement = read(out.resolve(Replay.ENFORCEMENT_FILE));
        assertEquals(9, enforcement.size());
        List<JsonNode> review = read(out.resolve(Replay.REVIEW_FILE));
        assertEquals(11, review.size());
        String enforcementText = Files.readString(out.resolve(Replay.ENFORCEMENT_FILE));
        assertFalse(enforcementText.contains("sessionNotes"));
        assertFalse(enforcementText.contains("F43.10"));
        assertFalse(enforcementText.toLowerCase().contains("therap") && !enforcementText.contains("physical therap")
                && !enforcementText.contains("therapy dog") && !enforcementText.contains("Speech therapy")
                && !enforcementText.contains("terapia física"), "only look-alike therapy may cross");
    }

    @Test
    void invalidLinesAreRejectedWithTheirLineNumberAndReason(@TempDir Path out) throws Exception {
        new Replay(Policy.bundled()).run(EXAMPLE, out);
        List<JsonNode> review = read(out.resolve(Replay.REVIEW_FILE));
        List<String> details = new ArrayList<>();
        for (JsonNode record : review) {
            if (record.get("disposition").asText().equals("REJECT")) {
                details.add(record.get("reasons").get(0).get("detail").asText());
            }
        }
        assertEquals(4, details.size(), details.toString());
        assertTrue(details.get(0).startsWith("line 17: not valid JSON"), details.get(0));
        assertTrue(details.get(1).startsWith("line 18: field 'clinicalImpression' is not a field"), details.get(1));
        assertTrue(details.get(2).contains("line 19: field 'eventType' unknown symbol 'TELEPATHY'"), details.get(2));
        assertTrue(details.get(3).startsWith("line 20: field 'occurredAt' expected a 64-bit integer"), details.get(3));
        // The audit names the reject rule but not the offending text.
        String audit = Files.readString(out.resolve(Replay.AUDIT_FILE));
        assertTrue(audit.contains("reject.invalid-input"));
        assertFalse(audit.contains("TELEPATHY"));
    }

    @Test
    void commandLinePrintsTheSummary(@TempDir Path out) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Main.commandLine().execute("replay", "--input", EXAMPLE.toString(), "--out", out.toString());
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit);
        assertTrue(captured.toString(StandardCharsets.UTF_8)
                .contains("20 records: 7 forwarded, 2 forwarded redacted, 7 held, 4 rejected"), captured.toString());
        assertTrue(Files.exists(out.resolve(Replay.AUDIT_FILE)));
    }

    @Test
    void verifyAuditAcceptsTheReplayTrailAndCatchesATamperedLine(@TempDir Path out) throws Exception {
        new Replay(Policy.bundled()).run(EXAMPLE, out);
        Path audit = out.resolve(Replay.AUDIT_FILE);
        assertEquals(0, Main.commandLine().execute("verify-audit", "--file", audit.toString()));

        List<String> lines = new ArrayList<>(Files.readAllLines(audit, StandardCharsets.UTF_8));
        String held = lines.stream().filter(l -> l.contains("\"decision\":\"HOLD\"")).findFirst().orElseThrow();
        lines.set(lines.indexOf(held), held.replace("\"decision\":\"HOLD\"", "\"decision\":\"FORWARD\""));
        Files.write(audit, lines, StandardCharsets.UTF_8);
        assertEquals(1, Main.commandLine().execute("verify-audit", "--file", audit.toString()));
    }

    @Test
    void aBadPolicyFileIsAClearErrorNotAStackTrace(@TempDir Path out) throws Exception {
        Path policy = out.resolve("bad.yaml");
        Files.writeString(policy, "id: x\nversion: \"1\"\nclassifications: {}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = Main.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute("replay", "--input", EXAMPLE.toString(), "--out", out.toString(), "--policy", policy.toString());
        assertEquals(2, exit);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("has no action in the policy"), message);
        assertFalse(message.contains("\tat "), "no stack trace for a user error");
    }
}
