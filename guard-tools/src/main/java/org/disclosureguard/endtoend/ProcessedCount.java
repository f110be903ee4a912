package org.disclosureguard.endtoend;

import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/** Records processed so far by all stream threads of an app (Kafka Streams' own thread-level process-total). */
final class ProcessedCount {
    private ProcessedCount() {}

    static long of(KafkaStreams streams) {
        double total = 0;
        for (Metric metric : streams.metrics().values()) {
            if (metric.metricName().name().equals("process-total")
                    && metric.metricName().group().equals("stream-thread-metrics")) {
                Object value = metric.metricValue();
                if (value instanceof Number number) {
                    total += number.doubleValue();
                }
            }
        }
        return (long) total;
    }
}
