package org.disclosureguard.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.pipeline.GuardOutputs;
import org.disclosureguard.pipeline.RecordScreening;
import org.disclosureguard.pipeline.SourceRecord;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.screen.Screener;
import org.disclosureguard.screen.ScreeningResult;
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
import org.disclosureguard.pipeline.GuardConfig;

/**
 * The per-record cost of the guard against the cost of merely passing the record through a serde round trip.
 * The target: {@link #decodeScreenEncode} within 2x the time of {@link #decodeEncode}, i.e.
 * {@code decodeEncode ops/s / decodeScreenEncode ops/s <= 2}.
 *
 * <p>Each call takes the next record of {@link BenchRecords} (cycling), so the mix of decisions is the record
 * set's. {@link #decodeOnly}, {@link #screenOnly} and {@link #encodeOutputsOnly} split the full cost into its
 * parts. Throughput is in ops/s; for the time per record run with {@code -bm avgt -tu us} (one unit applies to
 * both modes, and ops/us or s/op would print with too few digits). Five warmup iterations: with three, the
 * scan and the Avro paths were still speeding up during measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScreeningBenchmark {
    private static final String TOPIC = "provider.case-events";
    /** A fixed clock: the screen stamps it into the projection and the audit record, nothing depends on it. */
    private static final long NOW = 1_793_000_000_000L;

    private byte[][] inputs;
    private byte[][] keys;
    private GenericRecord[] decoded;
    private SourceRecord[] sources;
    private ScreeningResult[] results;
    private SingleObjectCodec inputCodec;
    private Screener screener;
    private RecordScreening screening;
    private GuardOutputs outputs;
    private int next;

    @Setup
    public void setUp() {
        Policy policy = Policy.bundled();
        SchemaCatalog catalog = SchemaCatalog.bundled();
        BenchRecords records = BenchRecords.build(policy.scanner());
        inputCodec = new SingleObjectCodec(catalog, SchemaCatalog.CASE_RECORD_EVENT);
        screener = new Screener(policy);
        // The same objects ScreeningProcessor builds per stream task.
        screening = new RecordScreening(inputCodec, GuardConfig.DEFAULT_MAX_RECORD_BYTES);
        outputs = new GuardOutputs(new SingleObjectCodec(catalog, SchemaCatalog.ENFORCEMENT_CASE_EVENT));
        inputs = records.encoded();
        decoded = records.decoded(inputCodec);
        keys = new byte[inputs.length][];
        sources = new SourceRecord[inputs.length];
        results = new ScreeningResult[inputs.length];
        for (int i = 0; i < decoded.length; i++) {
            keys[i] = decoded[i].get("caseId").toString().getBytes(StandardCharsets.UTF_8);
            sources[i] = new SourceRecord(TOPIC, 0, i, NOW, keys[i], inputs[i], null);
            results[i] = screener.screen(decoded[i], NOW);
        }
        System.out.println(records.describe(screener));
    }

    private int nextIndex() {
        return next++ & (BenchRecords.COUNT - 1);
    }

    @Benchmark
    public GenericRecord decodeOnly() throws UndecodableRecordException {
        return inputCodec.decode(inputs[nextIndex()]);
    }

    /** The baseline: what any serde pass-through costs (decode, then encode a record of the same size). */
    @Benchmark
    public byte[] decodeEncode() throws UndecodableRecordException {
        return inputCodec.encode(inputCodec.decode(inputs[nextIndex()]));
    }

    /** The screen alone, on records decoded in setup: rules, field checks, content scan, projection. */
    @Benchmark
    public ScreeningResult screenOnly() {
        return screener.screen(decoded[nextIndex()], NOW);
    }

    /** The output encoding alone, on results screened in setup: projection, review and audit records. */
    @Benchmark
    public GuardOutputs.Encoded encodeOutputsOnly() {
        int i = nextIndex();
        return outputs.encode(sources[i], decoded[i], results[i], screener.policy(), NOW, null);
    }

    /**
     * Exactly the processor's per-record work: decode and screen ({@link RecordScreening}), then encode every
     * output ({@link GuardOutputs}: the projection when forwarded, the review record when held, always the audit
     * decision). Only the Kafka forward is left out.
     */
    @Benchmark
    public GuardOutputs.Encoded decodeScreenEncode() {
        int i = nextIndex();
        SourceRecord source = new SourceRecord(TOPIC, 0, next, NOW, keys[i], inputs[i], null);
        RecordScreening.Outcome outcome = screening.screen(source, screener, NOW);
        return outputs.encode(source, outcome.decoded(), outcome.result(), screener.policy(), NOW, null);
    }
}
