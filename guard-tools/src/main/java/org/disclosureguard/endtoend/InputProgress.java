package org.disclosureguard.endtoend;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.disclosureguard.pipeline.ClientSettings;

/**
 * How many records of an input topic an app has committed as processed (the sum of its group's committed offsets
 * there): the progress of an app whose threads process more than its input (other sub-topologies).
 */
final class InputProgress {
    private InputProgress() {}

    static long committed(Map<String, Object> client, String groupId, String topic) {
        try (Admin admin = Admin.create(ClientSettings.admin(client))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            return 0; // the group has committed nothing yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
