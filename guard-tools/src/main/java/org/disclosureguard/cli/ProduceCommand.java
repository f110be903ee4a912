package org.disclosureguard.cli;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.disclosureguard.app.ClusterCheck;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.replay.JsonLineConverter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes case events to the input topic, for integration engineers testing their wiring. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Writes CaseRecordEvents to the input topic in the wire format (single-object Avro, key caseId): "
                + "from a JSON-lines file (the replay format) or from the synthetic generator.")
final class ProduceCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", description = "JSON-lines file of CaseRecordEvent objects.")
        Path input;

        @Option(names = "--generate", paramLabel = "N", description = "Generate N synthetic events.")
        Long generate;
    }

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", defaultValue = "1000", description = "Generated events per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for the cluster to answer before giving up (default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = cluster.settings(true);
        String topic = GuardConfig.fromStreamsConfig(settings).topics().input();
        try {
            // Before the first send: a producer would otherwise retry for its delivery timeout (2 min) and then
            // report events as sent that never were.
            ClusterCheck.verify(settings, java.util.List.of(topic), java.time.Duration.ofSeconds(startupTimeoutSeconds));
        } catch (ClusterCheck.ClusterProblem e) {
            throw new FriendlyErrors.UserError("cluster unreachable or not ready: " + e.getMessage());
        }
        if (source.generate != null) {
            EventFeeder feeder = new EventFeeder(settings, topic, rate, 0, seed, source.generate);
            feeder.run();
            if (feeder.failed() > 0) {
                throw new FriendlyErrors.UserError("only " + feeder.acknowledged() + " of " + feeder.produced()
                        + " generated events were acknowledged by " + topic + "; " + feeder.failed() + " failed ("
                        + feeder.firstFailure() + ")");
            }
            System.out.println("sent " + feeder.acknowledged() + " generated events to " + topic + " (all acknowledged)");
            return 0;
        }
        return sendFile(settings, topic);
    }

    private int sendFile(Map<String, Object> clientSettings, String topic) throws Exception {
        Map<String, Object> settings = ClientSettings.idempotentProducer(clientSettings);
        JsonLineConverter converter = new JsonLineConverter();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong acknowledged = new java.util.concurrent.atomic.AtomicLong();
        long sent = 0;
        long invalid = 0;
        long lineNumber = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
             BufferedReader reader = Files.newBufferedReader(source.input, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                JsonLineConverter.Converted converted = converter.convert(line, lineNumber);
                if (!converted.ok()) {
                    invalid++;
                    System.err.println("skipped " + converted.error());
                    continue;
                }
                producer.send(new ProducerRecord<>(topic, null, converted.timestamp(), converted.key(), converted.value()),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            } else {
                                acknowledged.incrementAndGet();
                            }
                        });
                sent++;
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new FriendlyErrors.UserError("only " + acknowledged.get() + " of " + sent + " events were acknowledged by "
                    + topic + ": " + failure.get().getMessage());
        }
        System.out.println("sent " + acknowledged.get() + " events to " + topic + " (all acknowledged)"
                + (invalid > 0 ? ", skipped " + invalid + " invalid lines" : ""));
        return invalid > 0 ? FriendlyErrors.USER_ERROR : 0;
    }
}
