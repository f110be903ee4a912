package org.disclosureguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.pipeline.GuardConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicReference<HealthMonitor.Progress> progress = new AtomicReference<>(new HealthMonitor.Progress(0, 0));
    private final HealthMonitor health = new HealthMonitor(state::get, () -> {
        probes.incrementAndGet();
        return reachable.get();
    }, progress::get, new GuardConfig.HealthSettings(Duration.ofSeconds(30), 3, Duration.ofMinutes(5), Duration.ofMinutes(2)),
            clock, Duration.ofMillis(10));

    @AfterEach
    void close() {
        health.close();
    }

    private void probeOnce() throws InterruptedException {
        int before = probes.get();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (probes.get() < before + 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void readyWhileRunningAndTheClusterAnswers() throws InterruptedException {
        probeOnce();
        assertTrue(health.ready());
        assertTrue(health.live());
        assertEquals("UP", check("cluster").get("status"));
    }

    @Test
    void aClusterOutLongerThanTheLimitIsNotReadyButStillLive() throws InterruptedException {
        probeOnce();
        reachable.set(false);
        now.addAndGet(29_000);
        probeOnce();
        assertTrue(health.ready(), "within the limit");
        now.addAndGet(2_000);
        probeOnce();
        assertFalse(health.ready(), "out of reach for 31 s");
        assertTrue(health.live(), "an outage is not the instance's fault: no restart");
        assertTrue(String.valueOf(check("cluster").get("detail")).contains("has not answered for 31000 ms"), check("cluster").toString());
        reachable.set(true);
        probeOnce();
        assertTrue(health.ready(), "ready again once the cluster answers");
    }

    @Test
    void aCrashLoopFailsLivenessAndReadinessUntilItAgesOut() throws InterruptedException {
        probeOnce();
        for (int i = 0; i < 3; i++) {
            health.threadReplaced();
        }
        assertTrue(health.live(), "three replacements are within the limit");
        health.threadReplaced();
        assertFalse(health.live(), "the fourth in five minutes is a crash loop");
        assertFalse(health.ready());
        assertEquals("DOWN", check("threads").get("status"));
        now.addAndGet(Duration.ofMinutes(5).toMillis() + 1);
        probeOnce();
        assertTrue(health.live(), "old replacements age out");
    }

    @Test
    void waitingInputWithNothingDecidedForTheStallTimeIsNotReady() throws InterruptedException {
        progress.set(new HealthMonitor.Progress(100, 0));
        probeOnce();
        progress.set(new HealthMonitor.Progress(100, 50));
        now.addAndGet(Duration.ofMinutes(2).toMillis() - 1_000);
        probeOnce();
        assertTrue(health.ready(), "within the stall time");
        now.addAndGet(2_000);
        probeOnce();
        assertFalse(health.ready(), "lag 50 and nothing decided for two minutes");
        assertTrue(health.live());
        assertEquals("DOWN", check("progress").get("status"));
        progress.set(new HealthMonitor.Progress(120, 30));
        probeOnce();
        assertTrue(health.ready(), "records decided again");
        progress.set(new HealthMonitor.Progress(120, 0));
        now.addAndGet(Duration.ofMinutes(10).toMillis());
        probeOnce();
        assertTrue(health.ready(), "nothing waiting is not a stall");
    }

    @Test
    void notRunningIsNotReadyAndFailedForGoodIsNotLive() {
        state.set(KafkaStreams.State.REBALANCING);
        assertFalse(health.ready());
        assertTrue(health.live());
        state.set(KafkaStreams.State.ERROR);
        assertFalse(health.live());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> check(String name) {
        return (Map<String, Object>) ((Map<String, Object>) health.report().get("checks")).get(name);
    }
}
