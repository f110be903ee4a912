package org.disclosureguard.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.policy.RecordRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The record rules alone: every CEL rule of the bundled policy on each (pre-decoded) record, as
 * {@code Screener} does, including the lazy Avro-to-CEL variable conversion. One op is one rule evaluation
 * ({@link OperationsPerInvocation} = the number of rules), so ops/s compares directly with the issue's
 * 1.6–1.8 µs per CEL evaluation; the per-record cost is {@link #RULES} evaluations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CelRuleBenchmark {
    /** The bundled policy's rule count; setup fails if the policy changes so that ops/s stays per evaluation. */
    static final int RULES = 6;

    private RecordRule[] rules;
    private GenericRecord[] records;
    private int next;

    @Setup
    public void setUp() {
        Policy policy = Policy.bundled();
        List<RecordRule> policyRules = policy.rules();
        if (policyRules.size() != RULES) {
            throw new IllegalStateException("the bundled policy has " + policyRules.size() + " rules, the benchmark"
                    + " counts " + RULES + " evaluations per call: update CelRuleBenchmark.RULES");
        }
        rules = policyRules.toArray(RecordRule[]::new);
        records = BenchRecords.build(policy.scanner())
                .decoded(new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT));
    }

    /** Returns the number of matching rules, so no evaluation is dead code. */
    @Benchmark
    @OperationsPerInvocation(RULES)
    public int allRulesOnOneRecord() throws Exception {
        GenericRecord record = records[next++ & (BenchRecords.COUNT - 1)];
        int matched = 0;
        for (RecordRule rule : rules) {
            if (rule.matches(record)) {
                matched++;
            }
        }
        return matched;
    }
}
