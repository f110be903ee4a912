package org.disclosureguard.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates the guard's topics and prints the ACLs its principal needs. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Creates the input, enforcement, review and audit topics (those that do not exist yet) with the "
                + "guard's configs, and prints the ACLs the guard's principal needs.",
                "Retention: input and enforcement 7 days; review and audit unlimited (review records stay until "
                        + "reviewed; the audit is the record of every block)."})
final class TopicsCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "3", description = "Replication factor (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--principal", defaultValue = "User:disclosure-guard", description = "The guard's principal, for the ACLs (default: ${DEFAULT-VALUE}).")
    String principal;

    @Option(names = "--dry-run", description = "Print what would be created, create nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = cluster.settings(!dryRun);
        GuardConfig config = GuardConfig.fromStreamsConfig(settings);
        Topics topics = config.topics();
        List<NewTopic> plan = new java.util.ArrayList<>(TopicPlan.newTopics(topics, partitions, replicationFactor, config.maxRecordBytes()));
        if (!config.policyTopic().isEmpty()) {
            plan.add(TopicPlan.policyTopic(config.policyTopic(), replicationFactor));
        }
        for (NewTopic topic : plan) {
            System.out.printf("%s %s: %d partitions, replication %d, %s%n", dryRun ? "would create" : "topic",
                    topic.name(), topic.numPartitions(), topic.replicationFactor(), topic.configs());
        }
        if (!dryRun) {
            try (Admin admin = Admin.create(ClientSettings.admin(settings))) {
                List<String> existed = TopicPlan.create(admin, plan);
                System.out.println(existed.isEmpty() ? "created all topics" : "already existed (left unchanged): " + existed);
            }
        }
        String applicationId = String.valueOf(settings.getOrDefault("application.id", RunCommand.DEFAULT_APPLICATION_ID));
        System.out.println();
        System.out.println("# ACLs for the guard's principal " + principal + ":");
        System.out.println(TopicPlan.acls(topics, applicationId, principal, config.policyTopic()));
        return 0;
    }
}
