package org.disclosureguard.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.disclosureguard.pipeline.ClientSettings;

/**
 * How many partitions a topic has: the number a group's answer must cover before it may call itself whole. Asked of
 * the cluster at most every {@link #FRESH} per topic and within {@link #TIMEOUT}; while the cluster does not answer,
 * the last count it gave stands (a topic's partitions are rarely added, never removed), and before it ever answered
 * the count is unknown ({@code -1}), so no answer can be known to be whole.
 */
public final class PartitionCounts implements AutoCloseable {
    static final Duration FRESH = Duration.ofSeconds(10);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** Asks the cluster for a topic's partition count; throws when it cannot say. */
    public interface Source {
        int partitions(String topic) throws Exception;
    }

    private record Known(int partitions, long askedAt) {}

    private final Source source;
    private final AutoCloseable resource;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    PartitionCounts(Source source, AutoCloseable resource, Clock clock) {
        this.source = source;
        this.resource = resource;
        this.clock = clock;
    }

    /** Counts asked of the cluster the guard's settings name (its own admin client, closed with this). */
    public static PartitionCounts of(Map<String, ?> settings) {
        Map<String, Object> admin = ClientSettings.admin(settings);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "guard-partition-counts");
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Admin client = Admin.create(admin);
        return new PartitionCounts(topic -> describe(client, topic), client, Clock.systemUTC());
    }

    /** The topic's partition count, or the last known one while the cluster does not say; -1 when never known. */
    public int of(String topic) {
        long now = clock.millis();
        Known last = known.get(topic);
        if (last != null && now - last.askedAt() < FRESH.toMillis()) {
            return last.partitions();
        }
        try {
            int partitions = source.partitions(topic);
            known.put(topic, new Known(partitions, now));
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the cluster did not say: keep what it said last
        }
        return last == null ? -1 : last.partitions();
    }

    private static int describe(Admin admin, String topic) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        return description.partitions().size();
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }
}
