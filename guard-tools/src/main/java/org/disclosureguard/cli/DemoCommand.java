package org.disclosureguard.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.replay.StateFolders;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.GuardStart;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.demo.DecisionCounter;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.Directories;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.audit.AuditChainVerifier;
import org.disclosureguard.verify.AuditTrail;
import org.disclosureguard.verify.TopicReader;
import org.disclosureguard.verify.ConservationChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.disclosureguard.registry.RegistrySettings;
import org.disclosureguard.pipeline.PayloadSeal;

/** The whole product on one machine: embedded broker, the guard, a synthetic provider, live counts and a check. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Reads --config and DG_* variables as `run` does; starts an embedded Kafka broker unless they or "
                + "--bootstrap-servers name a cluster. Creates the topics, starts "
                + "the guard and feeds it synthetic case events: mostly routine records, some with counseling blocks, "
                + "clinician-written incidents and case notes that retell therapy, and a few poison pills.",
                "Shows live counts, then checks the topics: one decision per input, nothing twice, no therapy text forwarded."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--duration", defaultValue = "20", paramLabel = "SECONDS", description = "How long to feed events (default: ${DEFAULT-VALUE} s).")
    int durationSeconds;

    @Option(names = "--rate", defaultValue = "200", description = "Events per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "2026", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--poison-percent", defaultValue = "1", description = "Share of poison pills, in percent (default: ${DEFAULT-VALUE}).")
    double poisonPercent;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics the demo creates on a --bootstrap-servers cluster (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Run in the registry wire format (Confluent framing) on every topic, with this Confluent-compatible "
                    + "registry (e.g. http://localhost:8080/apis/ccompat/v7 for Apicurio). Default: single-object encoding, no registry.")
    String schemaRegistryUrl;

    @Option(names = "--reviewers", paramLabel = "FILE",
            description = "Users file (user-add makes one): serve the review console at /review for them while the demo runs.")
    Path reviewers;

    @Mixin
    PolicyOption policyOption;

    @Option(names = "--restart-every", defaultValue = "0", paramLabel = "SECONDS",
            description = "Soak mode: restart the guard every SECONDS while feeding (0: never). The final check "
                    + "then shows whether the restarts lost or duplicated anything.")
    int restartEverySeconds;

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile GuardApp app;
    private int restarts;
    private volatile boolean interrupted;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Policy policy = policyOption.load();
        Thread shutdownHook = new Thread(() -> {
            interrupted = true;
            try {
                finished.await(90, TimeUnit.SECONDS); // let the demo close the app and the broker cleanly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        EmbeddedKafka broker = null;
        // Not under the OS temp directory, which the OS may clear under a running app (Kafka Streams warns at every
        // start there): a fresh folder in the user's cache, removed at the end.
        Path stateDir = StateFolders.fresh("demo-state-");
        try {
            // The same settings as `run` (--config, then DG_* variables): the port, four eyes, the sealing key ... A
            // cluster is used when they name one; otherwise the demo brings its own broker.
            Map<String, Object> settings = cluster.settings(false);
            if (!settings.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                out.println("Starting an embedded Kafka broker (KRaft, single node)...");
                broker = EmbeddedKafka.start();
                settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            }
            if (schemaRegistryUrl != null) {
                settings.put(RegistrySettings.URL, schemaRegistryUrl);
                settings.put(GuardConfig.WIRE_FORMAT, "registry");
                out.printf("Registry wire format on every topic, schemas in %s%n", schemaRegistryUrl);
            }
            String bootstrap = String.valueOf(settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
            Topics topics = GuardConfig.fromStreamsConfig(settings).topics();
            createTopics(settings, topics, partitions, replicationFactor);
            out.printf("Kafka at %s; topics %s%n", bootstrap, topics.all());

            Map<String, Object> streamsSettings = new HashMap<>(settings);
            streamsSettings.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            streamsSettings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
            streamsSettings.putIfAbsent(GuardConfig.HTTP_PORT, portOrAnyFree(GuardConfig.DEFAULT_HTTP_PORT));
            if (reviewers != null) {
                streamsSettings.put(GuardConfig.REVIEW_USERS_FILE, reviewers.toAbsolutePath().toString());
            }
            if (!streamsSettings.containsKey(GuardConfig.REVIEW_SEAL_KEY)) {
                // The review topic must not be a new leak, even in a demo: seal with a key that lives as long as the run.
                streamsSettings.put(GuardConfig.REVIEW_SEAL_KEY, PayloadSeal.newKey("demo"));
                out.println("Review payloads sealed (AES-256-GCM) with an ephemeral demo key");
            }
            java.util.function.Supplier<GuardApp> starter = () -> startAndAwait(streamsSettings, policy);
            app = starter.get();
            try {
                out.printf("Guard running under policy %s %s; feeding %.0f events/s for %d s%s (Ctrl-C stops early)%n",
                        policy.id(), policy.version(), rate, durationSeconds,
                        restartEverySeconds > 0 ? ", restarting the guard every " + restartEverySeconds + " s" : "");
                if (app.httpPort() >= 0) {
                    out.printf("Dashboard: http://localhost:%d/dashboard  (Prometheus: /metrics, health: /health/ready, policy: /policy)%n",
                            app.httpPort());
                    if (reviewers != null) {
                        out.printf("Review console: http://localhost:%d/review%n", app.httpPort());
                    }
                }
                return feedAndReport(settings, topics, out, starter);
            } finally {
                app.close(Duration.ofSeconds(30));
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            Directories.deleteQuietly(stateDir);
            finished.countDown();
            if (!interrupted) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        }
    }

    /** The demo's HTTP port: the usual one when it is free (a second demo, or another server, may hold it). */
    private static int portOrAnyFree(int preferred) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(preferred)) {
            return preferred;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Starts the guard as `run` does (the same sequence: settings, cluster, registry) and waits until it screens. */
    private static GuardApp startAndAwait(Map<String, Object> settings, Policy policy) {
        try {
            GuardApp started = GuardStart.start(settings, "disclosure-guard-demo", policy, Duration.ofSeconds(60));
            if (!started.awaitRunning(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the guard did not reach RUNNING within 60 s (state " + started.state() + ")");
            }
            return started;
        } catch (GuardStart.StartProblem e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the guard", e);
        }
    }

    private int feedAndReport(Map<String, Object> settings, Topics topics, PrintStream out,
                              java.util.function.Supplier<GuardApp> starter) throws InterruptedException {
        EventFeeder feeder = new EventFeeder(settings, topics.input(), rate, poisonPercent / 100.0, seed, Long.MAX_VALUE);
        DecisionCounter counter = new DecisionCounter(settings, topics.audit());
        Thread feederThread = new Thread(feeder, "demo-feeder");
        Thread counterThread = new Thread(counter, "demo-counter");
        counterThread.start();
        feederThread.start();
        ProgressLine progress = new ProgressLine(out);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        long nextRestart = restartEverySeconds > 0 ? start + TimeUnit.SECONDS.toNanos(restartEverySeconds) : Long.MAX_VALUE;
        while (System.nanoTime() < end && !interrupted) {
            Thread.sleep(1000);
            progress.show(feeder.produced(), counter);
            if (System.nanoTime() >= nextRestart) {
                // Soak: the guard goes away mid-stream (commit, leave the group) and comes back on the same state.
                app.close(Duration.ofSeconds(30));
                app = starter.get();
                restarts++;
                nextRestart = System.nanoTime() + TimeUnit.SECONDS.toNanos(restartEverySeconds);
            }
        }
        feeder.stop();
        feederThread.join();
        // Drain: wait until every record in the input topic (the demo's and any other producer's) has its committed
        // decision, or a minute.
        long toDecide = Math.max(feeder.produced(), inputRecords(settings, topics.input()));
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (counter.total() < toDecide && System.nanoTime() < drainUntil) {
            Thread.sleep(250);
            progress.show(feeder.produced(), counter);
        }
        progress.show(feeder.produced(), counter);
        progress.done();
        counter.stop();
        counterThread.join();
        double seconds = (System.nanoTime() - start) / 1e9;

        ConservationChecker.Report report = ConservationChecker.check(settings, topics,
                CaseEventGenerator.therapyDerivedTexts(), Duration.ofSeconds(60));
        out.println();
        out.println("Summary");
        out.printf("  sent           %8d  (%d poison pills)%n", feeder.produced(), feeder.poisonPills());
        long others = report.inputs() - feeder.produced();
        if (others > 0) {
            // Someone else wrote to the input topic too (a test producer, a second demo): screened and checked alike.
            out.printf("  others sent    %8d  records from other producers, screened and checked with the demo's%n", others);
        }
        if (restarts > 0) {
            out.printf("  guard restarts %8d%n", restarts);
        }
        // The decisions the check counted (every input in the topic), not the progress counter's, which stops at
        // the demo's own count.
        for (Decision decision : Decision.values()) {
            out.printf("  %-15s%8d%n", decision.name().toLowerCase().replace('_', ' '), report.decisions().getOrDefault(decision, 0L));
        }
        out.printf("  throughput     %8.0f records/s over %.1f s%n", counter.total() / seconds, seconds);
        out.println("  check          " + report.summary());
        report.problems().forEach(p -> out.println("    - " + p));
        AuditChainVerifier.Report chain = AuditChainVerifier.verify(AuditTrail.read(settings, topics.audit(), Duration.ofSeconds(60)));
        out.println("  audit chain    " + chain.summary());
        chain.problems().forEach(p -> out.println("    - " + p));
        // The check covers every record in the input topic (one decision each, nothing lost, no canary across).
        return report.clean() && chain.intact() ? 0 : FriendlyErrors.FAILURE;
    }

    /** How many records the input topic holds, or 0 if the cluster does not say: this only sets how long to wait. */
    private static long inputRecords(Map<String, Object> settings, String topic) {
        try {
            return TopicReader.offsetSpan(settings, topic, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            return 0; // the check below reads the topic anyway
        }
    }

    private static void createTopics(Map<String, Object> settings, Topics topics, int partitions, short replication) throws Exception {
        try (Admin admin = Admin.create(ClientSettings.admin(settings))) {
            TopicPlan.create(admin, TopicPlan.newTopics(topics, partitions, replication));
        }
    }
}
