package org.disclosureguard.endtoend;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/** The baseline: the guard's source and sink serdes with nothing in between, so the difference is the screen. */
final class PassThroughTopology {
    private PassThroughTopology() {}

    /** Each input record copied to every one of {@code outputs}. */
    static Topology build(String input, String... outputs) {
        Topology topology = new Topology();
        topology.addSource("source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), input);
        for (int i = 0; i < outputs.length; i++) {
            topology.addSink("sink-" + i, outputs[i], new ByteArraySerializer(), new ByteArraySerializer(), "source");
        }
        return topology;
    }
}
