package org.disclosureguard.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.replay.Replay;

/**
 * Measures a policy against labeled corpora: the labels are stripped, the records run through the production
 * topology ({@link Replay}, no broker), and each audit decision is joined back to its corpus line by line number
 * ({@code source.offset + 1}).
 *
 * <p>What counts: a therapy-derived record is caught when it is held. In class {@code structural} a record whose
 * therapy content is only its counseling block is also caught when it is forwarded with that block dropped
 * (nothing therapy-derived crossed); a counseling-session event forwarded at all is not caught, since its event
 * type crosses. A benign record is falsely held when it is held or rejected. A rejected record (one that did not
 * decode) is a corpus bug: it counts as missed in the therapy corpus and as falsely held in the benign one, so
 * it can only make the numbers worse.
 */
public final class Evaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Policy policy;

    public Evaluation(Policy policy) {
        this.policy = policy;
    }

    /** Evaluates the corpora as one run, in the order given. */
    public EvaluationResult run(List<Path> corpora) throws IOException {
        List<CorpusLine> lines = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (Path corpus : corpora) {
            List<CorpusLine> read = CorpusFile.read(corpus);
            for (int i = 0; i < read.size(); i++) {
                origins.add(corpus.getFileName() + ":" + (i + 1));
            }
            lines.addAll(read);
        }
        return evaluate(lines, origins);
    }

    /** Evaluates corpus lines held in memory; failures are named "#n", n counting from 1. */
    public EvaluationResult evaluate(List<CorpusLine> lines) throws IOException {
        List<String> origins = new ArrayList<>();
        for (int i = 1; i <= lines.size(); i++) {
            origins.add("#" + i);
        }
        return evaluate(lines, origins);
    }

    private EvaluationResult evaluate(List<CorpusLine> lines, List<String> origins) throws IOException {
        Path work = Files.createTempDirectory("disclosure-guard-evaluate");
        try {
            Path input = work.resolve("input.jsonl");
            writeRecords(input, lines);
            Path out = work.resolve("out");
            new Replay(policy).run(input, out);
            Map<Long, JsonNode> decisions = decisionsByLine(out.resolve(Replay.AUDIT_FILE));
            Map<String, Tally> tallies = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                CorpusLine line = lines.get(i);
                JsonNode decision = decisions.get(i + 1L);
                if (decision == null) {
                    throw new IllegalStateException("the guard wrote no decision for " + origins.get(i));
                }
                tallies.computeIfAbsent(line.label() + "\u0000" + line.className(), k -> new Tally(line))
                        .add(Outcome.of(decision, line.record()), origins.get(i));
            }
            return new EvaluationResult(policy.id(), policy.version(), tallies.values().stream().map(Tally::result).toList());
        } finally {
            deleteRecursively(work);
        }
    }

    /** Whether an outcome is the one a class is measured by (caught, or falsely held). */
    static boolean isHit(CorpusLine line, Outcome outcome) {
        if (line.therapy()) {
            return outcome == Outcome.HELD
                    || outcome == Outcome.COUNSELING_DROPPED && CorpusGenerator.STRUCTURAL.equals(line.className());
        }
        return outcome == Outcome.HELD || outcome == Outcome.REJECTED;
    }

    private static void writeRecords(Path input, List<CorpusLine> lines) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (CorpusLine line : lines) {
                writer.write(JSON.writeValueAsString(line.record()));
                writer.write('\n');
            }
        }
    }

    private static Map<Long, JsonNode> decisionsByLine(Path audit) throws IOException {
        Map<Long, JsonNode> decisions = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(audit, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                JsonNode decision = JSON.readTree(text);
                // Replay feeds one partition in file order, so offset + 1 is the line number.
                decisions.put(decision.path("source").path("offset").asLong() + 1, decision);
            }
        }
        return decisions;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Counts for one class while the decisions are read. */
    private static final class Tally {
        private final CorpusLine first;
        private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        private final List<String> failures = new ArrayList<>();
        private int records;
        private int hits;

        Tally(CorpusLine first) {
            this.first = first;
        }

        void add(Outcome outcome, String origin) {
            records++;
            outcomes.merge(outcome, 1, Integer::sum);
            boolean hit = isHit(first, outcome);
            if (hit) {
                hits++;
            }
            // A therapy record is a failure when missed; a benign one when hit (held).
            if (hit != first.therapy()) {
                failures.add(origin);
            }
        }

        ClassResult result() {
            return new ClassResult(first.label(), first.className(), records, hits, Map.copyOf(outcomes), List.copyOf(failures));
        }
    }
}
