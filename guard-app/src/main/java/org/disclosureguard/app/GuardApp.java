package org.disclosureguard.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.disclosureguard.http.PeerClient;
import org.disclosureguard.metrics.BacklogGauges;
import org.disclosureguard.pipeline.GuardMeters;
import org.disclosureguard.metrics.MetricsApi;
import org.disclosureguard.metrics.MetricsQueries;
import org.disclosureguard.query.LocalStores;
import org.disclosureguard.query.PartitionCounts;
import org.disclosureguard.query.RunningTasks;
import org.disclosureguard.metrics.MetricsTopology;
import org.disclosureguard.registry.GuardRecordReader;
import org.apache.kafka.common.config.ConfigException;
import org.disclosureguard.review.PeerToken;
import org.disclosureguard.review.QuarantineBacklog;
import org.disclosureguard.review.ReviewApi;
import org.disclosureguard.review.ReviewService;
import org.disclosureguard.review.auth.UserStore;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.ProcessorParts;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.pipeline.WireFormats;
import org.disclosureguard.registry.RegistryException;
import org.disclosureguard.reload.PolicyFileWatcher;
import org.disclosureguard.reload.PolicyReloader;
import org.disclosureguard.reload.PolicyTopicFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.disclosureguard.review.console.ReviewConsole;

/**
 * The screening topology running on a Kafka cluster: the one place that creates and starts KafkaStreams, for
 * `run`, `demo` and the integration tests alike, with what runs beside it: policy hot reload (topic or file) and
 * the HTTP endpoints, as the settings ask.
 */
public final class GuardApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardApp.class);
    private static final Duration POLICY_TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PolicyReloader reloader;
    private final List<AutoCloseable> companions;
    private final HttpEndpoints http;
    private final CountDownLatch running = new CountDownLatch(1);

    private final HealthMonitor health;

    private final String applicationId;
    private final Topics topics;

    private GuardApp(String applicationId, Topics topics, KafkaStreams streams, PolicyReloader reloader,
                     List<AutoCloseable> companions, HttpEndpoints http, HealthMonitor health) {
        this.applicationId = applicationId;
        this.topics = topics;
        this.streams = streams;
        this.reloader = reloader;
        this.companions = companions;
        this.http = http;
        this.health = health;
    }

    /**
     * Starts the app; {@code streamsProperties} come from {@link GuardConfig#streamsProperties}, which carry the
     * policy to start with. With {@code guard.policy.topic} set, the topic is read to its end before the first
     * record is screened.
     */
    public static GuardApp start(Properties streamsProperties) {
        return start(streamsProperties, prepareWireFormats(streamsProperties, REGISTRY_TIMEOUT));
    }

    /** As {@link #start(Properties)}, with the wire formats already prepared ({@link #prepareWireFormats}). */
    public static GuardApp start(Properties streamsProperties, WireFormats wireFormats) {
        // Parsed once, from the properties as they are now (a caller may have added settings since
        // streamsProperties made them). A malformed seal key fails the start here, not in a task.
        GuardConfig config = GuardConfig.fromStreamsConfig(streamsProperties);
        config.checkOutputBudget();
        ProcessorParts configured = ProcessorParts.from(config, GuardConfig.parts(streamsProperties).activePolicy(),
                Clock.systemUTC());
        var seal = configured.seal();
        if (seal == null) {
            LOG.warn("Review payloads are NOT sealed: the review topic is as sensitive as the input. Set {} (seal-key makes one)",
                    GuardConfig.REVIEW_SEAL_KEY);
        } else {
            LOG.info("Review payloads sealed with {}", seal);
        }
        ActivePolicy activePolicy = configured.activePolicy();
        String policyFile = config.policyFile();
        PolicyReloader reloader = new PolicyReloader(activePolicy, policyFile == null ? "bundled" : policyFile);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<AutoCloseable> companions = new ArrayList<>();
        companions.add(meters::close);
        AtomicReference<KafkaStreams> streamsRef = new AtomicReference<>();
        AtomicReference<HealthMonitor> healthRef = new AtomicReference<>();
        HttpEndpoints http = null;
        try {
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(meters);
            companions.add(gc);
            ProcessorParts parts = configured.with(wireFormats, new GuardMeters(meters, config.metricsMaxLabelValues()));
            streamsProperties.put(GuardConfig.PARTS, parts); // for the exception handler, which Kafka Streams instantiates
            GuardConfig.HealthSettings healthSettings = config.healthSettings();
            AdminClusterProbe probe = new AdminClusterProbe(streamsProperties, Duration.ofMillis(
                    Math.min(5_000, healthSettings.clusterTimeout().toMillis() / 2)));
            companions.add(probe);
            HealthMonitor health = new HealthMonitor(
                    () -> streamsRef.get() == null ? KafkaStreams.State.CREATED : streamsRef.get().state(), probe,
                    () -> progressOf(streamsRef.get()), healthSettings,
                    Clock.systemUTC(), Duration.ofMillis(Math.min(5_000, healthSettings.clusterTimeout().toMillis() / 3)));
            companions.add(0, health); // stopped before the probe it calls
            healthRef.set(health);
            if (config.httpPort() >= 0) {
                // Before Kafka Streams exists: it must be told the address other instances reach this one at.
                http = HttpEndpoints.start(config.httpSettings(), health, reloader::status);
                streamsProperties.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + http.port());
            }
            if (!config.policyTopic().isEmpty()) {
                companions.add(PolicyTopicFollower.start(config.policyTopic(), settings(streamsProperties), reloader,
                        POLICY_TOPIC_TIMEOUT));
            }
            if (config.policyWatchMs() > 0 && policyFile != null) {
                companions.add(PolicyFileWatcher.start(Path.of(policyFile), Duration.ofMillis(config.policyWatchMs()), reloader));
            }
            MetricsTopology.Settings metrics = MetricsTopology.Settings.from(config);
            RunningTasks running = new RunningTasks(); // answers read only partitions whose task runs here
            KafkaStreams streams = new KafkaStreams(GuardTopology.build(parts, config.reviewFourEyes(),
                    metrics, MetricsTopology.reader(GuardRecordReader.of(wireFormats.registryClient())), running), streamsProperties);
            streamsRef.set(streams);
            PartitionCounts partitionCounts = PartitionCounts.of(settings(streamsProperties));
            companions.add(partitionCounts);
            Object server = streamsProperties.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
            LocalStores stores = new LocalStores(streams, server == null ? null : HostInfo.buildFromEndpoint(String.valueOf(server)),
                    running, partitionCounts);
            String applicationId = String.valueOf(streamsProperties.get(StreamsConfig.APPLICATION_ID_CONFIG));
            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(meters);
            companions.add(streamsMetrics);
            String usersFile = config.reviewUsersFile();
            // One store: the API, the console and the metrics gate share the lock-outs.
            UserStore users = usersFile.isBlank() ? null : UserStore.load(Path.of(usersFile));
            MetricsGate gate = MetricsGate.open();
            if (config.httpMetricsAuth()) {
                if (users == null) {
                    throw new ConfigException(GuardConfig.HTTP_METRICS_AUTH + " asks for credentials from "
                            + GuardConfig.REVIEW_USERS_FILE + ", which is not set");
                }
                gate = MetricsGate.of(users, PeerToken.of(Path.of(usersFile)));
            }
            if (http != null) {
                http.serveMetrics(meters, gate);
                LOG.info("Health, policy and Prometheus endpoints on {}://localhost:{}/ (health/ready, policy, metrics)", http.scheme(), http.port());
            }
            PeerClient peers = config.peerClient(); // one client (and trust store) for the dashboards and the review
            if (metrics != null) {
                MetricsQueries queries = new MetricsQueries(stores, MetricsTopology.countsTopic(applicationId),
                        new QuarantineBacklog(stores, config.topics().review()));
                BacklogGauges.register(meters, queries);
                if (http != null) {
                    http.serveDashboards(new MetricsApi(stores, queries, Clock.systemUTC(), peers,
                            gate.peerToken() == null ? null : gate.peerToken().header()), gate);
                }
            }
            if (http != null && users != null) {
                ReviewService review = new ReviewService(streams, settings(streamsProperties), config.topics(),
                        seal, wireFormats.inputCodec(), Clock.systemUTC(), PeerToken.of(Path.of(usersFile)), stores, peers);
                companions.add(review);
                new ReviewApi(review, users).register(http);
                new ReviewConsole(review, users).register(http);
                LOG.info("Review console on {}://localhost:{}/review (API: /api/review/records)", http.scheme(), http.port());
            }
            GuardApp app = new GuardApp(applicationId,
                    config.topics(), streams, reloader, companions, http, healthRef.get());
            app.startStreams();
            return app;
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            closeAll(companions);
            throw e;
        }
    }

    /**
     * The topics' wire formats, with the schemas the guard writes registered (or looked up) in the schema
     * registry when a topic uses it: before the first record, so that a registry outage later cannot stop an
     * output from being written.
     *
     * @throws IllegalStateException naming the registry problem if it refuses or does not answer within {@code timeout}
     */
    public static WireFormats prepareWireFormats(Map<?, ?> settings, Duration timeout) {
        WireFormats formats = WireFormats.from(settings);
        try {
            formats.prepare(timeout);
        } catch (RegistryException e) {
            throw new IllegalStateException("schema registry: " + e.getMessage(), e);
        }
        if (formats.usesRegistry()) {
            LOG.info("Wire formats: {} ({})", formats, formats.registryClient().settings());
        }
        return formats;
    }

    private void startStreams() {
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        // Record-level failures are handled in the topology (they hold the record). What reaches this handler
        // is a thread-level failure; a fresh thread resumes from the last committed transaction.
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("Stream thread failed ({}: {}); replacing it", exception.getClass().getName(), exception.getMessage());
            health.threadReplaced();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
    }

    /** Records processed by the stream threads and the largest lag of their consumers, from Kafka Streams' metrics. */
    static HealthMonitor.Progress progressOf(KafkaStreams streams) {
        if (streams == null) {
            return new HealthMonitor.Progress(0, 0);
        }
        double processed = 0;
        double lag = 0;
        for (var metric : streams.metrics().values()) {
            String group = metric.metricName().group();
            String name = metric.metricName().name();
            Object value = metric.metricValue();
            if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())) {
                continue;
            }
            if (group.equals("stream-thread-metrics") && name.equals("process-total")) {
                processed += number.doubleValue();
            } else if (group.equals("consumer-fetch-manager-metrics") && name.equals("records-lag-max")
                    && !metric.metricName().tags().getOrDefault("client-id", "").endsWith("restore-consumer")) {
                lag = Math.max(lag, number.doubleValue());
            }
        }
        return new HealthMonitor.Progress(processed, lag);
    }

    private static Map<String, Object> settings(Properties properties) {
        Map<String, Object> settings = new HashMap<>();
        properties.forEach((k, v) -> settings.put(String.valueOf(k), v));
        return settings;
    }

    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public String applicationId() {
        return applicationId;
    }

    public Topics topics() {
        return topics;
    }

    /** The policy in force and the last refused one. */
    public PolicyReloader.Status policyStatus() {
        return reloader.status();
    }

    /** The port of the HTTP endpoints, or -1 when they are off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** Stops processing, commits and leaves the group; then stops the reload sources and the endpoints. */
    public void close(Duration timeout) {
        close(timeout, CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }

    /**
     * Stops like {@link #close(Duration)} but stays a member of the group, as an instance that restarts at once does:
     * its partitions are not moved unless it stays away longer than the session timeout (what the group sees of an
     * instance that died, which is how the scale-out tests use it).
     */
    public void closeRemainingInGroup(Duration timeout) {
        close(timeout, CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
    }

    private void close(Duration timeout, CloseOptions.GroupMembershipOperation membership) {
        if (!closed.compareAndSet(false, true)) {
            return; // closed already: a second close (a test's cleanup, a shutdown hook) does nothing
        }
        streams.close(CloseOptions.timeout(timeout).withGroupMembershipOperation(membership));
        closeAll(companions);
        if (http != null) {
            http.close();
        }
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", closeable, e.toString());
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
