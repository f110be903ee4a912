package org.disclosureguard.pipeline;

import java.time.Clock;
import org.disclosureguard.policy.Policy;

/**
 * What the guard's processors are built with: the policy in force, the topics, the input size limit, the wire
 * formats, the review payload seal (null: payloads in the clear), the meters they count into and the clock. The
 * composition ({@code app.GuardTopology}) hands one of these to every processor's constructor. Kafka Streams
 * instantiates the processing exception handler itself, from a class name, so the handler alone finds the same
 * parts in the Streams properties, under {@link GuardConfig#PARTS}: the one live object that travels there.
 */
public record ProcessorParts(ActivePolicy activePolicy, Topics topics, int maxRecordBytes, WireFormats formats,
                             PayloadSeal seal, GuardMeters meters, Clock clock) {

    /** Parts for a guard without a registry, seal or meters (replay, benchmarks, tests). */
    public static ProcessorParts of(ActivePolicy activePolicy, Topics topics, Clock clock, int maxRecordBytes) {
        return new ProcessorParts(activePolicy, topics, maxRecordBytes, WireFormats.singleObject(topics), null,
                GuardMeters.NONE, clock);
    }

    /** As {@link #of(ActivePolicy, Topics, Clock, int)}, for a policy that never changes. */
    public static ProcessorParts of(Policy policy, Topics topics, Clock clock) {
        return of(new ActivePolicy(policy), topics, clock, GuardConfig.DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * The parts the guard's settings describe (topics, size limit, seal), with single-object encoding on every
     * topic and no meters until the app prepares its wire formats and registers its meters ({@link #with}).
     */
    public static ProcessorParts from(GuardConfig config, ActivePolicy activePolicy, Clock clock) {
        return new ProcessorParts(activePolicy, config.topics(), config.maxRecordBytes(),
                WireFormats.singleObject(config.topics()), config.payloadSeal(), GuardMeters.NONE, clock);
    }

    /** The same parts with the prepared wire formats and the meters of a running app. */
    public ProcessorParts with(WireFormats preparedFormats, GuardMeters appMeters) {
        return new ProcessorParts(activePolicy, topics, maxRecordBytes, preparedFormats, seal, appMeters, clock);
    }

    /** The same parts reading time from {@code testClock}. */
    public ProcessorParts withClock(Clock testClock) {
        return new ProcessorParts(activePolicy, topics, maxRecordBytes, formats, seal, meters, testClock);
    }

    /** The encoders of everything the screening writes, sealing review payloads when a seal is set. */
    GuardOutputs outputs() {
        return formats.outputs().withSeal(seal);
    }
}
