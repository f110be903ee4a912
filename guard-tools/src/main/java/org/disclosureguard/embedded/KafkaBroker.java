package org.disclosureguard.embedded;

import java.util.Collection;

import org.apache.kafka.clients.admin.NewTopic;

/** A running single-node Kafka cluster, in this JVM or in a child process. */
public interface KafkaBroker extends AutoCloseable {

    /** What clients put in {@code bootstrap.servers}. */
    String bootstrapServers();

    /**
     * Creates the topics that do not exist yet (an existing topic is not an error) and returns once every
     * partition of every topic has a leader, so clients can use them straight away.
     */
    void createTopics(Collection<NewTopic> topics);

    /** Stops the broker; implementations say what happens to its data. */
    @Override
    void close();
}
