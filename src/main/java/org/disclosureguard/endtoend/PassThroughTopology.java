package org.disclosureguard.endtoend;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/** The baseline: the guard's source and sink serdes with nothing in between, so the difference is the screen. */
final class PassThroughTopology {
    private PassThroughTopology() {}

    static Topology build(String input, String output) {
        Topology topology = new Topology();
        topology.addSource("source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), input);
        topology.addSink("sink", output, new ByteArraySerializer(), new ByteArraySerializer(), "source");
        return topology;
    }
}
