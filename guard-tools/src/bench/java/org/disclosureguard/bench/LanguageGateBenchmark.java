package org.disclosureguard.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.disclosureguard.language.LanguageGate;
import org.disclosureguard.language.LanguageVerdict;
import org.disclosureguard.policy.Policy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The language check of free text, per text, in microseconds: {@code mix=records} on the free texts of
 * {@link BenchRecords} (what the guard sees: mostly English and Spanish case notes, most settled by the marker
 * words), {@code mix=detector} on texts the markers cannot settle, so every call reaches the statistical detector
 * (its cost when it runs). The set-up prints how the record texts were decided, so the two can be weighted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LanguageGateBenchmark {
    /** Telegraphic and mixed notes the marker words do not settle. */
    private static final List<String> UNSETTLED = List.of(
            "S: c/o sore throat x2 days. O: T 99.1, tonsils 1+. A/P: rapid strep neg, fluids, recheck PRN.",
            "Master calendar hearing moved to 2 pm; afternoon court session ends at 4.",
            "Sessão de estudos na biblioteca para a prova de inglês de sexta.",
            "Durante la seduta il ragazzo ha raccontato della banda del quartiere.",
            "Fingerprint appointment confirmed Thursday; sponsor documents received, home study pending.");

    @Param({"records", "detector"})
    public String mix;

    private LanguageGate gate;
    private String[] texts;
    private int next;

    @Setup
    public void setUp() {
        Policy policy = Policy.bundled();
        gate = policy.languageGate();
        List<String> chosen = mix.equals("records") ? BenchRecords.build(policy.scanner()).freeTexts() : UNSETTLED;
        texts = chosen.toArray(String[]::new);
        Map<Method, Integer> methods = new EnumMap<>(Method.class);
        for (String text : texts) {
            methods.merge(Method.valueOf(gate.check(text).method().toUpperCase(java.util.Locale.ROOT)), 1, Integer::sum);
        }
        System.out.println("language check of " + texts.length + " texts (" + mix + "), decided by: " + methods);
    }

    private enum Method { SHORT, MARKERS, DETECTOR, SCRIPT }

    @Benchmark
    public LanguageVerdict check() {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        return gate.check(texts[i]);
    }
}
