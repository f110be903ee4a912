package org.disclosureguard.endtoend;

import org.disclosureguard.pipeline.ProcessorParts;
import org.disclosureguard.app.GuardTopology;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.Directories;
import org.disclosureguard.embedded.ForkedKafka;
import org.disclosureguard.metrics.MetricsTopology;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.registry.GuardRecordReader;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.screen.Screener;

/**
 * The whole pipeline against its baseline, in one run: the same pre-produced input processed by (a) a
 * pass-through Kafka Streams app with the same serdes and settings and (b) the screening app, alternately, several
 * times; then end-to-end latency at a fixed rate, and the heap afterwards. Prints a Markdown report.
 */
public final class EndToEndBenchmark {
    /** What to measure. {@code bootstrapServers} null: a forked single-node broker. */
    public record Options(long events, int partitions, int threads, int runs, List<String> guarantees,
                          double latencyRate, int latencySeconds, String bootstrapServers, Map<String, String> extraSettings) {}

    private static final String INPUT = "bench.input";
    private static final String PASS_THROUGH_OUTPUT = "bench.passthrough";
    private static final String PASS_THROUGH_SECOND_OUTPUT = "bench.passthrough-2";
    private static final String LATENCY_INPUT = "bench.latency-input";
    private static final Topics GUARD_TOPICS = new Topics(INPUT, "bench.enforcement", "bench.review", "bench.audit");

    private final Options options;
    private final PrintStream out;
    private final Policy policy = Policy.bundled();
    private final String nonce = UUID.randomUUID().toString().substring(0, 6);

    public EndToEndBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public void run() throws Exception {
        ForkedKafka broker = null;
        Path stateRoot = Files.createTempDirectory("disclosure-guard-bench");
        try {
            String bootstrap = options.bootstrapServers();
            if (bootstrap == null) {
                out.println("Starting a forked Kafka broker...");
                broker = ForkedKafka.startTemporary(Map.of(), ForkedKafka.THROUGHPUT_JVM_ARGS);
                bootstrap = broker.bootstrapServers();
            }
            Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            createTopics(client);
            preProduce(client);
            List<String> report = new ArrayList<>();
            report.add("| guarantee | pass-through (a) records/s, median [min–max] | screening (b) records/s, median [min–max] "
                    + "| b/a (median of per-run ratios) | diagnostic: pass-through writing 2 records per input (a2) | b/a2 "
                    + "| screening + dashboards (c), as run in production | c/a |");
            report.add("|---|---|---|---|---|---|---|---|");
            for (String guarantee : options.guarantees()) {
                double[] a = new double[options.runs()];
                double[] b = new double[options.runs()];
                double[] a2 = new double[options.runs()];
                double[] ratios = new double[options.runs()];
                double[] ratios2 = new double[options.runs()];
                double[] c = new double[options.runs()];
                double[] ratios3 = new double[options.runs()];
                for (int run = 0; run < options.runs(); run++) {
                    String id = guarantee + "-" + run + "-" + nonce;
                    a[run] = measure("pass-through " + id, props("bench-pt-" + id, bootstrap, guarantee, stateRoot),
                            p -> PassThroughTopology.build(INPUT, PASS_THROUGH_OUTPUT));
                    // The guard writes two records per input (audit + enforcement or review): this is the Kafka
                    // cost of that alone, to tell it apart from the cost of screening.
                    a2[run] = measure("pass-through x2 " + id, props("bench-pt2-" + id, bootstrap, guarantee, stateRoot),
                            p -> PassThroughTopology.build(INPUT, PASS_THROUGH_OUTPUT, PASS_THROUGH_SECOND_OUTPUT));
                    // The guard's threads also file held records for review (a second sub-topology): progress is
                    // the input offsets it committed, not its process-total.
                    b[run] = measure("screening " + id, props("bench-guard-" + id, bootstrap, guarantee, stateRoot),
                            p -> GuardTopology.build(new Screener(policy), GUARD_TOPICS, Clock.systemUTC()),
                            streams -> InputProgress.committed(client, "bench-guard-" + id, INPUT));
                    // The production topology: screening plus the dashboards' aggregation of the audit topic, which
                    // competes for the same cores. Its own audit and metrics topics, so that it aggregates this run's
                    // decisions only; measured by the input offsets it committed (its threads also process the
                    // audit and repartition records, so their process-total is not the input count).
                    Topics withDashboards = new Topics(INPUT, GUARD_TOPICS.enforcement(), GUARD_TOPICS.review(),
                            "bench.audit-" + id, "bench.metrics-" + id);
                    createFresh(client, withDashboards);
                    Properties dashboardProps = props("bench-guard-dash-" + id, bootstrap, guarantee, stateRoot);
                    dashboardProps.put(GuardConfig.TOPIC_AUDIT, withDashboards.audit());
                    dashboardProps.put(GuardConfig.TOPIC_METRICS, withDashboards.metrics());
                    c[run] = measure("screening+dashboards " + id, dashboardProps,
                            p -> GuardTopology.build(ProcessorParts.of(new ActivePolicy(policy), withDashboards, Clock.systemUTC(),
                                    GuardConfig.DEFAULT_MAX_RECORD_BYTES), false, MetricsTopology.Settings.from(GuardConfig.fromStreamsConfig(p)),
                                    MetricsTopology.reader(GuardRecordReader.of(null))),
                            streams -> InputProgress.committed(client, "bench-guard-dash-" + id, INPUT));
                    ratios[run] = b[run] / a[run];
                    ratios2[run] = b[run] / a2[run];
                    ratios3[run] = c[run] / a[run];
                }
                report.add(String.format("| %s | %.0f [%.0f–%.0f] | %.0f [%.0f–%.0f] | %.2f | %.0f [%.0f–%.0f] | %.2f | %.0f [%.0f–%.0f] | %.2f |",
                        guarantee, Percentiles.median(a), min(a), max(a), Percentiles.median(b), min(b), max(b), Percentiles.median(ratios),
                        Percentiles.median(a2), min(a2), max(a2), Percentiles.median(ratios2),
                        Percentiles.median(c), min(c), max(c), Percentiles.median(ratios3)));
            }
            report.add("");
            report.add("| guarantee | rate | decisions measured | p50 latency ms | p99 latency ms |");
            report.add("|---|---|---|---|---|");
            for (String guarantee : options.guarantees()) {
                report.add(latency(bootstrap, client, guarantee, stateRoot));
            }
            report.add("");
            report.add(memory());
            out.println();
            out.printf("## End-to-end benchmark: %d events, %d partitions, %d stream threads, %d runs%n%n",
                    options.events(), options.partitions(), options.threads(), options.runs());
            report.forEach(out::println);
        } finally {
            if (broker != null) {
                broker.close();
            }
            Directories.deleteQuietly(stateRoot);
        }
    }

    private void createTopics(Map<String, Object> client) throws Exception {
        List<NewTopic> topics = new ArrayList<>(TopicPlan.newTopics(GUARD_TOPICS, options.partitions(), (short) 1));
        topics.add(new NewTopic(PASS_THROUGH_OUTPUT, options.partitions(), (short) 1));
        topics.add(new NewTopic(PASS_THROUGH_SECOND_OUTPUT, options.partitions(), (short) 1));
        topics.add(new NewTopic(LATENCY_INPUT, options.partitions(), (short) 1));
        try (Admin a = Admin.create(ClientSettings.admin(client))) {
            List<String> existed = TopicPlan.create(a, topics);
            if (existed.contains(INPUT)) {
                throw new IllegalStateException("topic " + INPUT + " already exists: use a fresh cluster (or delete the bench.* topics)");
            }
        }
    }

    private void preProduce(Map<String, Object> client) {
        out.printf("Producing %d events to %s...%n", options.events(), INPUT);
        long start = System.nanoTime();
        new EventFeeder(client, INPUT, 1e9, 0, 42, options.events()).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("Produced %d events in %.1f s (%.0f/s)%n", options.events(), seconds, options.events() / seconds);
    }

    private Properties props(String applicationId, String bootstrap, String guarantee, Path stateRoot) {
        Map<String, Object> overrides = new HashMap<>(options.extraSettings());
        overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.threads());
        overrides.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve(applicationId).toString());
        overrides.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return GuardConfig.streamsProperties(applicationId, bootstrap, GUARD_TOPICS, policy, overrides);
    }

    /** Records per second from RUNNING until every input record is processed. */
    private double measure(String label, Properties props, Function<Properties, Topology> topology) throws InterruptedException {
        return measure(label, props, topology, ProcessedCount::of);
    }

    private void createFresh(Map<String, Object> client, Topics topics) throws InterruptedException {
        try (Admin admin = Admin.create(ClientSettings.admin(client))) {
            TopicPlan.create(admin, List.of(new NewTopic(topics.audit(), options.partitions(), (short) 1),
                    new NewTopic(topics.metrics(), options.partitions(), (short) 1)));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot create " + topics.audit() + ": " + e.getCause(), e);
        }
    }

    private double measure(String label, Properties props, Function<Properties, Topology> topology,
                           java.util.function.ToLongFunction<KafkaStreams> progress) throws InterruptedException {
        KafkaStreams streams = new KafkaStreams(topology.apply(props), props);
        try {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(label + " did not reach RUNNING (" + streams.state() + ")");
                }
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            long finishBy = start + Duration.ofMinutes(15).toNanos();
            long processed;
            while ((processed = progress.applyAsLong(streams)) < options.events()) {
                if (System.nanoTime() > finishBy) {
                    throw new IllegalStateException(label + " processed only " + processed + " records in 15 minutes");
                }
                Thread.sleep(50);
            }
            double rate = options.events() / ((System.nanoTime() - start) / 1e9);
            out.printf("  %-40s %10.0f records/s%n", label, rate);
            return rate;
        } finally {
            streams.close(Duration.ofSeconds(60));
        }
    }

    private String latency(String bootstrap, Map<String, Object> client, String guarantee, Path stateRoot) throws InterruptedException {
        String id = "bench-latency-" + guarantee + "-" + nonce;
        Topics topics = new Topics(LATENCY_INPUT, GUARD_TOPICS.enforcement(), GUARD_TOPICS.review(), GUARD_TOPICS.audit());
        Properties props = props(id, bootstrap, guarantee, stateRoot);
        props.put(GuardConfig.TOPIC_INPUT, LATENCY_INPUT);
        KafkaStreams streams = new KafkaStreams(GuardTopology.build(new Screener(policy), topics, Clock.systemUTC()), props);
        LatencyProbe probe = new LatencyProbe(client, topics.audit(), System.currentTimeMillis() + 5_000);
        Thread probing = new Thread(probe, "latency-probe");
        try {
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(20);
            }
            probing.start();
            long events = (long) (options.latencyRate() * options.latencySeconds());
            new EventFeeder(client, LATENCY_INPUT, options.latencyRate(), 0, 7, events).run();
            Thread.sleep(3000); // let the last transactions commit
        } finally {
            probe.stop();
            probing.join();
            streams.close(Duration.ofSeconds(60));
        }
        out.printf("  latency %-20s p50 %.0f ms, p99 %.0f ms over %d decisions%n", guarantee,
                probe.percentile(50), probe.percentile(99), probe.count());
        return String.format("| %s | %.0f/s | %d | %.0f | %.0f |", guarantee, options.latencyRate(), probe.count(),
                probe.percentile(50), probe.percentile(99));
    }

    private static String memory() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long collections = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        return String.format("Heap after the runs (after a full GC): %.0f MiB used of %.0f MiB max; %d collections, "
                        + "%.1f s in GC over %.0f s (%.1f%% of the time).",
                used / 1048576.0, runtime.maxMemory() / 1048576.0, collections, gcMillis / 1000.0, uptime / 1000.0,
                100.0 * gcMillis / uptime);
    }

    private static double min(double[] values) {
        double min = Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

}
