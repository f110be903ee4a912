package org.disclosureguard.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.lint.LintReport;
import org.disclosureguard.lint.PolicyLint;
import org.disclosureguard.pipeline.GuardConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Puts a new policy version in force on every running instance, through the compacted policy topic. */
@Command(name = "publish-policy", mixinStandardHelpOptions = true,
        description = {"Lints a policy and writes it to the policy topic (guard.policy.topic), where every running instance "
                + "picks it up between two records, without a restart. An invalid policy is not published; one that the "
                + "instances refuse anyway (e.g. a changed policy with an old version) is reported at their /policy endpoint and in their logs.",
                "With --against, widening changes are refused unless --allow-widening says they are signed off."})
final class PublishPolicyCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--policy", paramLabel = "FILE", required = true, description = "The policy YAML to publish.")
    Path policy;

    @Mixin
    WideningOptions widening;

    @Option(names = "--topic", description = "Policy topic (overrides guard.policy.topic).")
    String topic;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(policy)) {
            throw new FriendlyErrors.UserError("no such policy file: " + policy);
        }
        Map<String, Object> settings = cluster.settings(true);
        String target = topic != null ? topic : GuardConfig.fromStreamsConfig(settings).policyTopic();
        if (target.isEmpty()) {
            throw new FriendlyErrors.UserError("no policy topic: set " + GuardConfig.POLICY_TOPIC + " or --topic");
        }
        LintReport report = PolicyLint.run(policy, null, widening.against);
        int verdict = report.exitCode(widening.allowWidening);
        if (verdict != LintReport.CLEAN) {
            System.out.print(report.toText());
            System.out.println("not published");
            return verdict;
        }
        byte[] yaml = Files.readAllBytes(policy);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(settings),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(target,
                    recordKey(report.policyId(), report.policyVersion()).getBytes(StandardCharsets.UTF_8), yaml)).get();
            System.out.printf("published %s %s to %s-%d@%d%n", report.policyId(), report.policyVersion(),
                    written.topic(), written.partition(), written.offset());
        }
        return 0;
    }

    /**
     * One key per version, not per policy: compaction then never lets a later version that the instances refuse
     * erase the last good one, which an instance starting afterwards must still find.
     */
    static String recordKey(String policyId, String version) {
        return policyId + "@" + version;
    }
}
