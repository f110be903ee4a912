package org.disclosureguard.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.disclosureguard.classify.TherapyTextModel;
import org.disclosureguard.policy.Policy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The text classifier alone, in MB/s per core, on the same texts as {@link ContentScanBenchmark} and counted the
 * same way (the {@code score:megabytes} row is MB/s): each call scores one text as a record's prose, as the screen
 * does for a record nothing else held.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextClassifierBenchmark {
    private static final double BYTES_PER_MB = 1_000_000.0;

    private TherapyTextModel model;
    private List<String>[] texts;
    private double[] textMegabytes;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        Policy policy = Policy.bundled();
        model = policy.classifier().model();
        List<String> freeTexts = BenchRecords.build(policy.scanner()).freeTexts();
        texts = new List[freeTexts.size()];
        textMegabytes = new double[freeTexts.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = List.of(freeTexts.get(i));
            textMegabytes[i] = CaseNoteWriter.utf8Length(freeTexts.get(i)) / BYTES_PER_MB;
        }
    }

    @Benchmark
    public double score(ContentScanBenchmark.Scanned scanned) {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        scanned.megabytes += textMegabytes[i];
        return model.score(texts[i]);
    }
}
