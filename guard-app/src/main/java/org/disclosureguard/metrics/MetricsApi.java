package org.disclosureguard.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.disclosureguard.http.PeerClient;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.query.GroupParts;
import org.disclosureguard.query.LocalStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards' JSON API (README "Dashboards"): this instance's counts merged with every other instance's,
 * which it asks over HTTP at the address Kafka Streams knows them by ({@code application.server}), so any
 * instance answers for the whole group. Counts and identifiers only.
 */
public final class MetricsApi {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOP = 10;

    /** The ranges the dashboard offers, each with the granularity it is drawn in. */
    public enum Range {
        M15("15m", Duration.ofMinutes(15), Granularity.MINUTE), H1("1h", Duration.ofHours(1), Granularity.MINUTE),
        H24("24h", Duration.ofHours(24), Granularity.HOUR), D7("7d", Duration.ofDays(7), Granularity.DAY);

        final String label;
        final Duration length;
        final Granularity granularity;

        Range(String label, Duration length, Granularity granularity) {
            this.label = label;
            this.length = length;
            this.granularity = granularity;
        }

        public static Range parse(String text) {
            for (Range range : values()) {
                if (range.label.equals(text)) {
                    return range;
                }
            }
            throw new IllegalArgumentException("unknown range '" + text + "' (15m, 1h, 24h or 7d)");
        }
    }

    private final LocalStores stores;
    private final MetricsQueries queries;
    private final Clock clock;
    private final String peerAuthorization;
    private final PeerClient peerClient;

    /**
     * @param stores  this instance's stores and the group's members
     * @param queries this instance's part of the counts
     */
    public MetricsApi(LocalStores stores, MetricsQueries queries, Clock clock) {
        this(stores, queries, clock, PeerClient.plain());
    }

    public MetricsApi(LocalStores stores, MetricsQueries queries, Clock clock, PeerClient peerClient) {
        this(stores, queries, clock, peerClient, null);
    }

    /** @param peerAuthorization the Authorization header the other instances ask for, or null when they ask none */
    public MetricsApi(LocalStores stores, MetricsQueries queries, Clock clock, PeerClient peerClient, String peerAuthorization) {
        this.peerClient = peerClient;
        this.peerAuthorization = peerAuthorization;
        this.stores = stores;
        this.queries = queries;
        this.clock = clock;
    }

    /** This instance's part, for the other instances ({@code /api/metrics/local}). */
    public String localJson(Granularity granularity, Instant from, Instant to, boolean windowsOnly) throws IOException {
        return JSON.writeValueAsString(queries.local(granularity, from, to, windowsOnly));
    }

    /** The dashboard's answer for a range ({@code /api/metrics}). */
    public String dashboardJson(Range range) throws IOException {
        Instant now = clock.instant();
        long size = range.granularity.size().toMillis();
        Instant from = Instant.ofEpochMilli((now.toEpochMilli() - range.length.toMillis()) / size * size);
        MetricsQueries.Snapshot snapshot = merged(range.granularity, from, now, false);
        MetricsQueries.Snapshot recent = merged(Granularity.MINUTE, now.minusSeconds(120), now, true);

        ObjectNode answer = JSON.createObjectNode();
        answer.put("range", range.label);
        answer.put("granularity", range.granularity.label());
        answer.put("from", from.toEpochMilli());
        answer.put("to", now.toEpochMilli());
        // The throughput comes from a second query: what it missed makes the answer partial too.
        Set<String> unavailable = new LinkedHashSet<>(snapshot.unavailable());
        unavailable.addAll(recent.unavailable());
        answer.put("complete", unavailable.isEmpty());
        unavailable.forEach(answer.putArray("unavailable")::add);
        Map<String, TreeMap<Long, Long>> series = new TreeMap<>();
        Map<Dimension, Map<String, Long>> sums = new HashMap<>();
        Map<String, Long> totals = new TreeMap<>();
        for (Decision decision : Decision.values()) {
            series.put(decision.name(), new TreeMap<>());
            totals.put(decision.name(), 0L);
        }
        for (MetricsQueries.WindowCount count : snapshot.windows()) {
            Dimension dimension = Dimension.of(count.key());
            if (dimension == null) {
                continue;
            }
            String value = Dimension.valuePart(count.key());
            if (dimension == Dimension.DECISION) {
                series.computeIfAbsent(value, v -> new TreeMap<>()).merge(count.start(), count.count(), Long::sum);
                totals.merge(value, count.count(), Long::sum);
            } else {
                sums.computeIfAbsent(dimension, d -> new HashMap<>()).merge(value, count.count(), Long::sum);
            }
        }
        ObjectNode seriesNode = answer.putObject("series");
        series.forEach((decision, points) -> {
            ArrayNode array = seriesNode.putArray(decision);
            points.forEach((start, count) -> array.addArray().add(start).add(count));
        });
        ObjectNode top = answer.putObject("top");
        for (Dimension dimension : Dimension.values()) {
            if (dimension == Dimension.DECISION) {
                continue;
            }
            ArrayNode array = top.putArray(dimension.label());
            sums.getOrDefault(dimension, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP).forEach(e -> array.addArray().add(e.getKey()).add(e.getValue()));
        }
        ObjectNode totalsNode = answer.putObject("totals");
        totals.forEach(totalsNode::put);
        ObjectNode backlog = answer.putObject("backlog");
        Map<String, Long> review = snapshot.totals();
        long pending = review.getOrDefault(MetricsQueries.REVIEW_STATE_PREFIX + "PENDING", 0L)
                + review.getOrDefault(MetricsQueries.REVIEW_STATE_PREFIX + "AWAITING_SECOND_APPROVAL", 0L);
        backlog.put("pending", pending);
        if (snapshot.oldestPending() != null) {
            backlog.put("oldestAgeSeconds", Math.max(0, (now.toEpochMilli() - snapshot.oldestPending()) / 1000));
        } else {
            backlog.putNull("oldestAgeSeconds");
        }
        ObjectNode outcomes = answer.putObject("reviewOutcomes");
        for (String state : List.of("CONFIRMED_HOLD", "RELEASED_REDACTED", "FALSE_POSITIVE_RELEASED")) {
            outcomes.put(state, review.getOrDefault(MetricsQueries.REVIEW_STATE_PREFIX + state, 0L));
        }
        answer.put("throughputPerSecond", throughput(recent, now));
        return JSON.writeValueAsString(answer);
    }

    /**
     * Decisions per second over the last 60 s, estimated from two minute windows: all of the current one, and
     * of the previous one the share that still falls inside the last 60 s.
     */
    private static double throughput(MetricsQueries.Snapshot recent, Instant now) {
        long minute = Granularity.MINUTE.size().toMillis();
        long current = now.toEpochMilli() / minute * minute;
        double previousShare = 1.0 - (now.toEpochMilli() - current) / (double) minute;
        double decisions = 0;
        for (MetricsQueries.WindowCount w : recent.windows()) {
            if (Dimension.of(w.key()) != Dimension.DECISION) {
                continue;
            }
            if (w.start() == current) {
                decisions += w.count();
            } else if (w.start() == current - minute) {
                decisions += w.count() * previousShare;
            }
        }
        return Math.round(decisions / 60.0 * 10) / 10.0;
    }

    /**
     * The group's counts: this instance's part and every other instance's, asked over HTTP; each partition counted
     * once, from the first instance that read it, and every partition nobody read named in {@code unavailable}.
     */
    private MetricsQueries.Snapshot merged(Granularity granularity, Instant from, Instant to, boolean windowsOnly) {
        GroupParts<MetricsQueries.Counts> metrics = new GroupParts<>("metrics partitions");
        GroupParts<ReviewBacklog.Counts> review = new GroupParts<>("review partitions");
        add(queries.local(granularity, from, to, windowsOnly), "this instance", metrics, review);
        for (StreamsMetadata member : stores.peers()) {
            HostInfo host = member.hostInfo();
            try {
                add(remote(host, granularity, from, to, windowsOnly), name(host), metrics, review);
            } catch (IOException e) {
                LOG.debug("Instance {} gave no metrics: {}", host, e.toString());
                String why = "are on " + name(host) + ", which " + e.getMessage();
                metrics.missing(LocalStores.partitionsOf(member, queries.countsTopic()), why);
                if (queries.reviewTopic() != null && !windowsOnly) {
                    review.missing(LocalStores.partitionsOf(member, queries.reviewTopic()), why);
                }
            }
        }
        List<String> unavailable = new ArrayList<>(metrics.unavailable(queries.partitionCount(queries.countsTopic())));
        if (queries.reviewTopic() != null && !windowsOnly) {
            unavailable.addAll(review.unavailable(queries.partitionCount(queries.reviewTopic())));
        }
        List<MetricsQueries.WindowCount> windows = new ArrayList<>();
        Map<String, Long> totals = new HashMap<>();
        for (MetricsQueries.Counts counts : metrics.served().values()) {
            windows.addAll(counts.windows());
            counts.totals().forEach((k, v) -> totals.merge(k, v, Long::sum));
        }
        Long oldest = MetricsQueries.addBacklog(review.served().values(), totals);
        return new MetricsQueries.Snapshot(windows, totals, oldest, unavailable);
    }

    /** One instance's part into the group's: the partitions it read, and those assigned to it that it could not read. */
    static void add(MetricsQueries.LocalPart part, String instance, GroupParts<MetricsQueries.Counts> metrics,
                    GroupParts<ReviewBacklog.Counts> review) {
        part.metrics().forEach(metrics::served);
        part.review().forEach(review::served);
        String why = "are not readable yet on " + instance + " (" + part.state() + ")";
        metrics.missing(part.metricsUnreadable(), why);
        review.missing(part.reviewUnreadable(), why);
    }

    /**
     * The earlier of two optional times. (A conditional expression mixing Long and long unboxes: the merge this
     * replaces threw NullPointerException whenever two instances both had nothing pending.)
     */
    static Long earliest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(Math.min(a, b));
    }

    /** Another instance's part, or an exception whose message says what went wrong ("did not answer", ...). */
    private MetricsQueries.LocalPart remote(HostInfo host, Granularity granularity, Instant from, Instant to,
                                            boolean windowsOnly) throws IOException {
        URI uri = peerClient.uri(host.host(), host.port(), "/api/metrics/local?granularity=" + granularity.label()
                + "&from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli() + "&windowsOnly=" + windowsOnly);
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3));
            if (peerAuthorization != null) {
                request.header("Authorization", peerAuthorization);
            }
            response = peerClient.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("was not asked (interrupted)", e);
        }
        return fromPeer(response.statusCode(), response.body());
    }

    /**
     * Another instance's answer: its part of the counts.
     *
     * @throws IOException saying what the answer lacks (an error status, or no part the guard can read)
     */
    static MetricsQueries.LocalPart fromPeer(int status, String body) throws IOException {
        if (status != 200) {
            throw new IOException("answered HTTP " + status);
        }
        try {
            return JSON.readValue(body, MetricsQueries.LocalPart.class);
        } catch (IOException e) {
            throw new IOException("answered without a part of the counts it could be read from", e);
        }
    }

    private static String name(HostInfo host) {
        return "instance " + host.host() + ":" + host.port();
    }
}
