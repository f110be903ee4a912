package org.disclosureguard.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.pipeline.GuardConfig;

/**
 * What the health endpoints answer, from three checks:
 * <ul>
 *   <li>{@code streams}: Kafka Streams' own state (RUNNING for readiness; not failed for good for liveness);</li>
 *   <li>{@code cluster}: when the cluster last answered a probe; out of reach for longer than the configured time,
 *       the instance is not ready (Kafka Streams itself stays RUNNING through a broker outage, retrying);</li>
 *   <li>{@code threads}: stream threads replaced after a failure; more than the configured number within the
 *       window is a crash loop, and then the instance is neither ready nor live, so that an orchestrator restarts
 *       it and someone is alerted;</li>
 *   <li>{@code progress}: records decided; with input waiting (consumer lag) and nothing decided for longer than
 *       the stall time, the instance is not ready (a partition that does not advance).</li>
 * </ul>
 * Thread-safe: the endpoints ask from HTTP threads, the uncaught-exception handler reports from stream threads.
 */
public final class HealthMonitor implements AutoCloseable {

    /** How a probe asks whether the cluster answers; true when it did within its own timeout. */
    @FunctionalInterface
    public interface ClusterProbe {
        boolean reachable();
    }

    /** Records processed so far and the largest consumer lag now, from Kafka Streams' metrics. */
    public record Progress(double processed, double maxLag) {}

    private final Supplier<KafkaStreams.State> state;
    private final Supplier<Progress> progress;
    private volatile double lastProcessed = -1;
    private volatile long lastAdvanced;
    private final GuardConfig.HealthSettings settings;
    private final Clock clock;
    private final Deque<Long> replacements = new ArrayDeque<>();
    private final ScheduledExecutorService prober;
    private volatile long lastReached;
    private volatile boolean everReached;

    HealthMonitor(Supplier<KafkaStreams.State> state, ClusterProbe probe, GuardConfig.HealthSettings settings, Clock clock,
                  Duration probeEvery) {
        this(state, probe, () -> new Progress(0, 0), settings, clock, probeEvery);
    }

    HealthMonitor(Supplier<KafkaStreams.State> state, ClusterProbe probe, Supplier<Progress> progress,
                  GuardConfig.HealthSettings settings, Clock clock, Duration probeEvery) {
        this.state = state;
        this.progress = progress;
        this.lastAdvanced = clock.millis();
        this.settings = settings;
        this.clock = clock;
        this.lastReached = clock.millis();
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "guard-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(() -> {
            // An exception would end a scheduled task for good and leave readiness at 503 forever.
            try {
                if (probe.reachable()) {
                    lastReached = clock.millis();
                    everReached = true;
                }
            } catch (RuntimeException e) {
                // not reached this time
            }
            observeProgress();
        }, 0, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records progress: decided records since the last look, or nothing waiting, both count as advancing. */
    void observeProgress() {
        try {
            Progress now = progress.get();
            if (now.processed() != lastProcessed || now.maxLag() <= 0 || state.get() != KafkaStreams.State.RUNNING) {
                lastProcessed = now.processed();
                lastAdvanced = clock.millis();
            }
        } catch (RuntimeException e) {
            // Metrics not there yet (starting) or gone (closing): no verdict on progress.
            lastAdvanced = clock.millis();
        }
    }

    /** Called when a stream thread failed and is being replaced. */
    public synchronized void threadReplaced() {
        replacements.addLast(clock.millis());
        forgetOldReplacements();
    }

    /** Whether the instance should keep running (false in a crash loop or after Kafka Streams failed for good). */
    public boolean live() {
        KafkaStreams.State now = state.get();
        return now != KafkaStreams.State.ERROR && now != KafkaStreams.State.PENDING_ERROR
                && now != KafkaStreams.State.NOT_RUNNING && now != KafkaStreams.State.PENDING_SHUTDOWN && !crashLooping();
    }

    /** Whether the instance should get traffic and count as serving: running, reaching the cluster, no crash loop. */
    public boolean ready() {
        return state.get() == KafkaStreams.State.RUNNING && clusterReached() && !crashLooping() && !stalled();
    }

    private boolean stalled() {
        return clock.millis() - lastAdvanced > settings.stallTimeout().toMillis();
    }

    /** Every check with its status and why, for {@code /health}. */
    public Map<String, Object> report() {
        Map<String, Object> checks = new LinkedHashMap<>();
        KafkaStreams.State now = state.get();
        checks.put("streams", check(now == KafkaStreams.State.RUNNING, "Kafka Streams is " + now));
        long silent = clock.millis() - lastReached;
        checks.put("cluster", check(clusterReached(), clusterReached()
                ? "the cluster answered " + silent + " ms ago"
                : (everReached ? "the cluster has not answered for " + silent + " ms" : "the cluster has not answered yet")
                        + " (limit " + settings.clusterTimeout().toMillis() + " ms)"));
        int recent = recentReplacements();
        checks.put("threads", check(recent <= settings.threadReplacements(), recent + " stream thread replacement(s) in the last "
                + settings.threadWindow().toMillis() + " ms (limit " + settings.threadReplacements() + ")"));
        long still = clock.millis() - lastAdvanced;
        checks.put("progress", check(!stalled(), stalled()
                ? "input is waiting and nothing was decided for " + still + " ms (limit " + settings.stallTimeout().toMillis() + " ms)"
                : "decided records, or nothing waiting, " + still + " ms ago"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("live", live());
        report.put("ready", ready());
        report.put("checks", checks);
        return report;
    }

    private boolean clusterReached() {
        return clock.millis() - lastReached <= settings.clusterTimeout().toMillis();
    }

    private boolean crashLooping() {
        return recentReplacements() > settings.threadReplacements();
    }

    private synchronized int recentReplacements() {
        forgetOldReplacements();
        return replacements.size();
    }

    private void forgetOldReplacements() {
        long since = clock.millis() - settings.threadWindow().toMillis();
        while (!replacements.isEmpty() && replacements.peekFirst() < since) {
            replacements.removeFirst();
        }
    }

    private static Map<String, Object> check(boolean up, String detail) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("status", up ? "UP" : "DOWN");
        check.put("detail", detail);
        return check;
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
