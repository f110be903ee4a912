package org.disclosureguard.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.disclosureguard.endtoend.EndToEndBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The end-to-end benchmark against a pass-through baseline. See BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"End-to-end benchmark: pre-produces events, then processes them with a pass-through Kafka Streams "
                + "app (same serdes and settings) and with the screening app, alternately, --runs times per processing "
                + "guarantee; then measures end-to-end latency at a fixed rate and the heap. Prints a Markdown report.",
                "Run it under the memory target: java -Xmx256m -jar target/disclosure-guard.jar bench"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "1000000", description = "Events to pre-produce (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--partitions", defaultValue = "4", description = "Input partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", defaultValue = "2", description = "Stream threads of both apps (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each app per guarantee (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--guarantees", split = ",", defaultValue = "exactly_once_v2,at_least_once",
            description = "Processing guarantees to measure (default: ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(names = "--latency-rate", defaultValue = "2000", description = "Events/s for the latency measurement (default: ${DEFAULT-VALUE}).")
    double latencyRate;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Duration of the latency measurement (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--bootstrap-servers", description = "Use this cluster instead of a forked single-node broker.")
    String bootstrapServers;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Extra Kafka Streams/client setting for both apps (repeatable), e.g. --set commit.interval.ms=200.")
    Map<String, String> extraSettings = Map.of();

    @Override
    public Integer call() throws Exception {
        new EndToEndBenchmark(new EndToEndBenchmark.Options(events, partitions, threads, runs, guarantees, latencyRate,
                latencySeconds, bootstrapServers, extraSettings), System.out).run();
        return 0;
    }
}
