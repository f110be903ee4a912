package org.disclosureguard.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;

/**
 * The guard's topics with the configs they need, and the ACLs the guard's principal needs. Retention: the review
 * topic keeps records until they are reviewed (no time limit), the audit topic keeps every decision (no time
 * limit: it is the record of what was blocked), input and enforcement keep 7 days.
 */
public final class TopicPlan {
    private static final String WEEK_MS = Long.toString(7L * 24 * 60 * 60 * 1000);
    private static final String FOREVER = "-1";

    private TopicPlan() {}

    public static List<NewTopic> newTopics(Topics topics, int partitions, short replicationFactor) {
        return newTopics(topics, partitions, replicationFactor, GuardConfig.DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * The topics, with {@code max.message.bytes} set from the guard's size limit: the input takes what the guard
     * screens (a provider's larger record is refused by the broker, at the producer, instead of rejected later), and
     * the review topic what a held record of that size becomes (the limit plus the review overhead).
     */
    public static List<NewTopic> newTopics(Topics topics, int partitions, short replicationFactor, int maxRecordBytes) {
        String minIsr = Integer.toString(Math.min(2, replicationFactor));
        String inputBytes = Integer.toString(maxRecordBytes + BATCH_OVERHEAD_BYTES);
        String outputBytes = Integer.toString(maxRecordBytes + GuardConfig.REVIEW_OVERHEAD_BYTES + BATCH_OVERHEAD_BYTES);
        return List.of(
                sized(topic(topics.input(), partitions, replicationFactor, WEEK_MS, minIsr), inputBytes),
                topic(topics.enforcement(), partitions, replicationFactor, WEEK_MS, minIsr),
                sized(topic(topics.review(), partitions, replicationFactor, FOREVER, minIsr), outputBytes),
                topic(topics.audit(), partitions, replicationFactor, FOREVER, minIsr),
                // Windowed counts keyed by window: compaction keeps each window's final count, deletion ages them out.
                new NewTopic(topics.metrics(), partitions, replicationFactor).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(35L * 24 * 60 * 60 * 1000),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr)),
                topic(topics.reviewCommands(), partitions, replicationFactor, WEEK_MS, minIsr),
                topic(topics.reviewDecisions(), partitions, replicationFactor, FOREVER, minIsr),
                // What the review workflow or the dashboards failed on, kept until someone looks (a review record fits).
                sized(topic(topics.deadLetter(), partitions, replicationFactor, FOREVER, minIsr), outputBytes));
    }

    /**
     * The policy topic for hot reload: one partition (versions are read in the order they were published) and
     * compacted by key, policy id and version ({@code id@version}): republishing a version replaces it, and no
     * version is ever erased by a later one, so an instance starting later replays what the running ones saw.
     */
    public static NewTopic policyTopic(String name, short replicationFactor) {
        return new NewTopic(name, 1, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.min(2, replicationFactor))));
    }

    /** Room for the record batch around one record of the limit. */
    private static final int BATCH_OVERHEAD_BYTES = 1024;

    private static NewTopic sized(NewTopic topic, String maxMessageBytes) {
        Map<String, String> configs = new java.util.HashMap<>(topic.configs());
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes);
        return new NewTopic(topic.name(), topic.numPartitions(), topic.replicationFactor()).configs(new java.util.TreeMap<>(configs));
    }

    private static NewTopic topic(String name, int partitions, short replicationFactor, String retentionMs, String minIsr) {
        return new NewTopic(name, partitions, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, retentionMs,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr));
    }

    /**
     * Creates the topics that do not exist yet and waits until their partition leaders serve requests; returns
     * the names of those that already existed.
     */
    public static List<String> create(Admin admin, List<NewTopic> newTopics) throws InterruptedException, ExecutionException {
        List<String> existed = new ArrayList<>();
        var results = admin.createTopics(newTopics).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    existed.add(entry.getKey());
                } else {
                    throw e;
                }
            }
        }
        awaitLeadersServe(admin, newTopics.stream().map(NewTopic::name).toList(), java.time.Duration.ofSeconds(60));
        return existed;
    }

    /** ListOffsets is served by partition leaders only: once it succeeds everywhere, producers will not be refused. */
    private static void awaitLeadersServe(Admin admin, List<String> names, java.time.Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(names).allTopicNames().get().forEach((name, description) -> description.partitions()
                        .forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(name, p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest())));
                admin.listOffsets(latest).all().get();
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * kafka-acls commands that give the guard's principal what it needs, and nothing more: read the input, be
     * the only writer of the enforcement topic (grant Write to no one else), write review and audit,
     * transactions for exactly-once, its consumer group and its internal (changelog) topics.
     */
    public static String acls(Topics topics, String applicationId, String principal, String policyTopic) {
        String base = "kafka-acls.sh --bootstrap-server $BOOTSTRAP --add --allow-principal " + principal;
        String policy = policyTopic == null || policyTopic.isEmpty() ? ""
                : base + " --operation Read --operation Describe --topic " + policyTopic
                        + "\n# policy topic: grant Write only to whoever signs policies off (publish-policy)\n";
        return policy + String.join("\n",
                base + " --operation Read --operation Describe --topic " + topics.input(),
                base + " --operation Write --operation Describe --topic " + topics.enforcement(),
                base + " --operation Read --operation Write --operation Describe --topic " + topics.review() + " # read back for the review workflow",
                base + " --operation Read --operation Write --operation Describe --topic " + topics.audit() + " # read back for the dashboards",
                base + " --operation Read --operation Write --operation Describe --topic " + topics.metrics(),
                base + " --operation Read --operation Write --operation Describe --topic " + topics.reviewCommands(),
                base + " --operation Write --operation Describe --topic " + topics.reviewDecisions(),
                base + " --operation Write --operation Describe --topic " + topics.deadLetter(),
                base + " --operation Read --group " + applicationId,
                "# the audit-chain store's changelog topic (" + applicationId + "-audit-chain-changelog), created by Kafka Streams:",
                base + " --operation Create --operation Read --operation Write --operation Describe --topic " + applicationId
                        + " --resource-pattern-type prefixed",
                base + " --operation Write --operation Describe --transactional-id " + applicationId + " --resource-pattern-type prefixed",
                base + " --operation IdempotentWrite --cluster",
                "# Enforcement topic: grant Write to no other principal, and run the brokers with",
                "# allow.everyone.if.no.acl.found=false, so that the guard is its only writer.");
    }
}
