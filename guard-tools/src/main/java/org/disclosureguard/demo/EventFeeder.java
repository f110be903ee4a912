package org.disclosureguard.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.pipeline.WireFormats;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.disclosureguard.registry.RegistryException;

/**
 * Feeds synthetic case events to the input topic at a steady rate (an idempotent producer, as a provider's
 * system would use), with a small share of poison pills (random bytes, truncated Avro) mixed in, until stopped.
 */
public final class EventFeeder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeeder.class);

    private final Map<String, Object> clientSettings;
    private final String topic;
    private final double ratePerSecond;
    private final double poisonShare;
    private final long limit;
    private final CaseEventGenerator generator;
    private final SplittableRandom random;
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String firstFailure;
    private final AtomicLong poison = new AtomicLong();
    private volatile boolean stopping;
    /** Single-object encoding, or the registry format when the settings say the input topic uses it. */
    private java.util.function.Function<CaseRecordEvent, byte[]> encoder;

    /**
     * @param limit how many records to send at most (Long.MAX_VALUE: until stopped)
     * @param poisonShare share of records that are poison pills (0 to 1)
     */
    public EventFeeder(Map<String, Object> clientSettings, String topic, double ratePerSecond, double poisonShare,
                       long seed, long limit) {
        this.clientSettings = clientSettings;
        this.topic = topic;
        this.ratePerSecond = ratePerSecond;
        this.poisonShare = poisonShare;
        this.limit = limit;
        this.generator = new CaseEventGenerator(seed);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    @Override
    public void run() {
        Map<String, Object> settings = ClientSettings.idempotentProducer(clientSettings);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try {
            encoder = WireFormats.providerEncoder(clientSettings, topic, java.time.Duration.ofSeconds(30));
        } catch (RegistryException e) {
            LOG.error("Cannot register the input schema for {}: {}; no events sent", topic, e.getMessage());
            return;
        }
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            while (!stopping && produced.get() < limit) {
                long due = start + (long) (produced.get() * 1_000_000_000L / ratePerSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                producer.send(nextRecord(), (metadata, e) -> {
                    if (e != null) {
                        LOG.warn("Could not send a demo event: {}", e.toString());
                        if (failed.getAndIncrement() == 0) {
                            firstFailure = e.toString();
                        }
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
                produced.incrementAndGet();
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ProducerRecord<byte[], byte[]> nextRecord() {
        CaseRecordEvent event = generator.next().event();
        byte[] key = event.getCaseId().getBytes(StandardCharsets.UTF_8);
        byte[] value = encoder.apply(event);
        if (random.nextDouble() < poisonShare) {
            poison.incrementAndGet();
            if (random.nextBoolean()) {
                byte[] garbage = new byte[1 + random.nextInt(64)];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = (byte) random.nextInt(256);
                }
                value = garbage;
            } else {
                value = Arrays.copyOf(value, value.length / 2);
            }
        }
        return new ProducerRecord<>(topic, key, value);
    }

    public void stop() {
        stopping = true;
    }

    /** Events handed to the producer. */
    public long produced() {
        return produced.get();
    }

    /** Events the cluster acknowledged (after {@link #run} returns: every send has been answered). */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Events the cluster did not take. */
    public long failed() {
        return failed.get();
    }

    /** The first send that failed, or null. */
    public String firstFailure() {
        return firstFailure;
    }

    public long poisonPills() {
        return poison.get();
    }
}
