package org.disclosureguard.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin calls the embedded brokers need: waiting until a broker serves requests, and creating topics
 * and waiting until they are usable. Everything retries, because right after start-up or topic creation
 * the broker's metadata may lag behind the controller's.
 */
final class BrokerAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAdmin.class);
    private static final long POLL_MS = 100;

    private BrokerAdmin() {
    }

    /**
     * Blocks until the broker at {@code bootstrapServers} reports itself in the cluster metadata (it is then
     * unfenced and serves clients).
     *
     * @param stillRunning false once the broker has died, to fail fast instead of waiting out the timeout
     * @param diagnostics  appended to failure messages (e.g. where the broker's log is)
     */
    static void awaitReady(String bootstrapServers, Duration timeout, BooleanSupplier stillRunning,
                           Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = null;
        Exception lastError = null;
        try {
            while (System.nanoTime() < deadline) {
                if (!stillRunning.getAsBoolean()) {
                    throw new IllegalStateException("Kafka broker at " + bootstrapServers
                            + " stopped while starting. " + diagnostics.get());
                }
                // Probe the port first: an AdminClient pointed at a closed port logs a warning per retry.
                if (!acceptsConnections(bootstrapServers)) {
                    sleep();
                    continue;
                }
                if (admin == null) {
                    admin = Admin.create(adminProps(bootstrapServers));
                }
                try {
                    int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    lastError = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
                sleep();
            }
            throw new IllegalStateException("Kafka broker at " + bootstrapServers + " was not ready after "
                    + timeout.toSeconds() + " s" + (lastError == null ? "" : " (last error: " + lastError + ")")
                    + ". " + diagnostics.get());
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }

    /**
     * Creates the topics that do not exist yet (an existing topic is fine, whatever its partition count) and
     * waits until every partition of every topic has a leader.
     */
    static void createTopics(String bootstrapServers, Collection<NewTopic> topics, Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminProps(bootstrapServers))) {
            List<NewTopic> pending = new ArrayList<>(topics);
            while (!pending.isEmpty()) {
                failIfPast(deadline, "creating topics " + names(pending), null);
                Map<String, KafkaFuture<Void>> results = admin.createTopics(pending).values();
                List<NewTopic> retry = new ArrayList<>();
                for (NewTopic topic : pending) {
                    try {
                        results.get(topic.name()).get();
                        LOG.debug("Created topic {}", topic.name());
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TopicExistsException) {
                            LOG.debug("Topic {} already exists", topic.name());
                        } else if (e.getCause() instanceof RetriableException) {
                            retry.add(topic);
                        } else {
                            throw new IllegalStateException("Could not create topic " + topic.name() + " on "
                                    + bootstrapServers + ": " + e.getCause(), e.getCause());
                        }
                    }
                }
                pending = retry;
                if (!pending.isEmpty()) {
                    sleep();
                }
            }
            awaitLeaders(admin, bootstrapServers, topics, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    private static void awaitLeaders(Admin admin, String bootstrapServers, Collection<NewTopic> topics,
                                     long deadline) throws InterruptedException {
        List<String> names = names(topics);
        Exception lastError = null;
        while (true) {
            failIfPast(deadline, "waiting for topics " + names + " on " + bootstrapServers, lastError);
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS);
                if (allPartitionsLed(described) && leadersServe(admin, described)) {
                    warnOnPartitionMismatch(topics, described);
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        && !(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("Could not describe topics " + names + ": " + e.getCause(),
                            e.getCause());
                }
                lastError = e;
            } catch (java.util.concurrent.TimeoutException e) {
                lastError = e;
            }
            sleep();
        }
    }

    /**
     * The controller names a leader before the broker has applied it: a produce request sent in between fails
     * with NOT_LEADER_OR_FOLLOWER (and can wedge an idempotent producer). ListOffsets is served by leaders
     * only, so its success means the partitions really are ready.
     */
    private static boolean leadersServe(Admin admin, Map<String, TopicDescription> described) throws InterruptedException {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
        described.forEach((name, description) -> description.partitions().forEach(p ->
                latest.put(new org.apache.kafka.common.TopicPartition(name, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest())));
        try {
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /**
     * Creates the SCRAM credential of {@code user} for {@code mechanism}, or replaces its password. Sent to the
     * (unauthenticated) listener at {@code bootstrapServers}; in KRaft the controller stores the credential in
     * the cluster metadata, and the broker applies it shortly after this returns (see {@link #awaitAccepted}).
     */
    static void upsertScramCredential(String bootstrapServers, String user, String password, ScramMechanism mechanism,
                                      Duration timeout) {
        // 4096 is the smallest iteration count Kafka accepts: the test broker need not be slow to log in to.
        UserScramCredentialUpsertion upsertion =
                new UserScramCredentialUpsertion(user, new ScramCredentialInfo(mechanism, 4096), password);
        try (Admin admin = Admin.create(adminProps(bootstrapServers))) {
            admin.alterUserScramCredentials(List.of(upsertion)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("SCRAM credential ({}) of user {} stored", mechanism.mechanismName(), user);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Could not store the SCRAM credential of " + user + " on "
                    + bootstrapServers + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a SCRAM credential", e);
        }
    }

    /**
     * Blocks until an admin client with {@code clientSettings} (bootstrap servers and security settings) gets the
     * cluster's metadata. A SCRAM user created a moment ago is rejected as invalid credentials until the broker
     * has applied it, so authentication failures are retried until the timeout too.
     */
    static void awaitAccepted(Map<String, ?> clientSettings, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        adminProps(String.valueOf(clientSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)))
                .forEach((key, value) -> props.put((String) key, value));
        for (String key : AdminClientConfig.configNames()) { // only admin settings: no unknown-config warnings
            if (clientSettings.containsKey(key)) {
                props.put(key, clientSettings.get(key));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            // A fresh client per attempt: one that failed to authenticate backs off before it tries that node again.
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                lastError = e instanceof ExecutionException && e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                LOG.debug("Client not accepted yet: {}", lastError.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
            }
            sleep();
        }
        throw new IllegalStateException("A client of " + props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                + " was not accepted within " + timeout.toSeconds() + " s"
                + (lastError == null ? "" : " (last error: " + lastError + ")"));
    }

    private static boolean allPartitionsLed(Map<String, TopicDescription> described) {
        for (TopicDescription description : described.values()) {
            if (description.partitions().isEmpty()) {
                return false;
            }
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void warnOnPartitionMismatch(Collection<NewTopic> wanted, Map<String, TopicDescription> actual) {
        for (NewTopic topic : wanted) {
            int have = actual.get(topic.name()).partitions().size();
            if (topic.numPartitions() > 0 && topic.numPartitions() != have) {
                LOG.warn("Topic {} already existed with {} partitions (asked for {})",
                        topic.name(), have, topic.numPartitions());
            }
        }
    }

    /** True if a TCP connection to the first bootstrap address succeeds. */
    static boolean acceptsConnections(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        String host = first.substring(0, colon);
        int port = Integer.parseInt(first.substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties adminProps(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return props;
    }

    private static List<String> names(Collection<NewTopic> topics) {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        topics.forEach(t -> unique.put(t.name(), true));
        return new ArrayList<>(unique.keySet());
    }

    private static void failIfPast(long deadline, String what, Exception lastError) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Timed out " + what
                    + (lastError == null ? "" : " (last error: " + lastError + ")"));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
