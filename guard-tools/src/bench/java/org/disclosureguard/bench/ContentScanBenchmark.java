package org.disclosureguard.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.scan.ContentScanner;
import org.disclosureguard.scan.TermMatch;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The content scan alone (normalization included), in MB/s per core. The target: at least 150 MB/s.
 *
 * <p>Each call scans the next case-notes or incident-summary text of {@link BenchRecords} (precomputed Strings,
 * so the Utf8-to-String conversion the screener pays is not included), exactly as {@code Screener} calls it:
 * {@link ContentScanner#scan}, a fresh scan pass per text. How MB/s is derived: the {@link Scanned} aux counter
 * adds each scanned text's UTF-8 length (the size on the wire; the texts are mostly ASCII, so UTF-16 chars are
 * within 1% of it) in units of 10^6 bytes, and JMH divides it by the iteration time. So the row
 * {@code scan:megabytes} is MB/s, although JMH labels every counter "ops/s". The plain {@code scan} row is texts/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContentScanBenchmark {
    private static final double BYTES_PER_MB = 1_000_000.0;

    private ContentScanner scanner;
    private String[] texts;
    /** The UTF-8 size of each text in MB, precomputed so counting costs one add. */
    private double[] textMegabytes;
    private int next;

    /** Scanned volume per iteration; JMH reports it per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Scanned {
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    @Setup
    public void setUp() {
        scanner = Policy.bundled().scanner();
        List<String> freeTexts = BenchRecords.build(scanner).freeTexts();
        texts = freeTexts.toArray(String[]::new);
        textMegabytes = new double[texts.length];
        double total = 0;
        for (int i = 0; i < texts.length; i++) {
            textMegabytes[i] = CaseNoteWriter.utf8Length(texts[i]) / BYTES_PER_MB;
            total += textMegabytes[i];
        }
        System.out.printf("scan corpus: %d texts, %.3f MB UTF-8, mean %.0f bytes per text (= per op)%n",
                texts.length, total, total * BYTES_PER_MB / texts.length);
    }

    @Benchmark
    public List<TermMatch> scan(Scanned scanned) {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        scanned.megabytes += textMegabytes[i];
        return scanner.scan(texts[i]);
    }
}
