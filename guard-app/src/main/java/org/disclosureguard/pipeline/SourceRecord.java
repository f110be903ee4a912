package org.disclosureguard.pipeline;

import org.apache.kafka.common.header.Headers;

/** An input record as read, with where it was read: everything a review record must point back to. */
public record SourceRecord(String topic, int partition, long offset, long timestamp,
                           byte[] key, byte[] value, Headers headers) {

    /** Stable across restarts and replays of the same input: the coordinates, not a random id. */
    public String quarantineId() {
        return topic + "-" + partition + "-" + offset;
    }
}
