package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lint`'s exit status is what a CI pipeline acts on: 0 clean, 1 errors, 3 widening to sign off, 2 bad usage. */
class LintCommandTest {
    private record Result(int exit, String out, String err) {}

    private static Result lint(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cli.execute(all);
        return new Result(exit, out.toString(), err.toString());
    }

    private static String bundled() throws Exception {
        try (InputStream in = LintCommandTest.class.getClassLoader().getResourceAsStream(Policy.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void cleanPolicyExitsZero() {
        Result result = lint();
        assertEquals(0, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("0 errors, 0 widening changes"), result.out());
    }

    @Test
    void errorsExitOneAndJsonIsMachineReadable(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yaml"), bundled().replace("[\"therapy\", \"therapies\", ", "[\"123\", \"therapy\", \"therapies\", "));
        Result result = lint("--policy", policy.toString(), "--format", "json");
        assertEquals(1, result.exit(), result.out() + result.err());
        var json = new ObjectMapper().readTree(result.out());
        assertEquals("dictionary", json.get("findings").get(0).get("check").asText());
    }

    @Test
    void wideningExitsThreeUntilSignedOff(@TempDir Path dir) throws Exception {
        Path old = Files.writeString(dir.resolve("old.yaml"), bundled());
        Path widened = Files.writeString(dir.resolve("new.yaml"), bundled()
                .replace("version: \"2026.12.26\"", "version: \"2026.12.2\"").replace("\"counselor*\", ", ""));
        Result result = lint("--policy", widened.toString(), "--against", old.toString());
        assertEquals(3, result.exit(), result.out() + result.err());
        assertTrue(result.out().contains("widening:widening (1)") && result.out().contains("dictionary term 'counselor*' was removed"), result.out());
        assertTrue(result.out().contains("(needs sign-off)"), result.out());
        assertEquals(0, lint("--policy", widened.toString(), "--against", old.toString(), "--allow-widening").exit());
    }

    @Test
    void missingFilesAreUsageErrors(@TempDir Path dir) {
        Result result = lint("--policy", dir.resolve("nope.yaml").toString());
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("no such policy file"), result.err());
        assertEquals(2, lint("--schemas", dir.toString()).exit());
    }
}
