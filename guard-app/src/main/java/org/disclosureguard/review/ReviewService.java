package org.disclosureguard.review;

import org.disclosureguard.contract.QuarantinedRecords;
import org.disclosureguard.http.PeerClient;
import org.disclosureguard.pipeline.PayloadSeal;
import org.disclosureguard.query.GroupParts;
import org.disclosureguard.query.LocalStores;
import org.disclosureguard.query.RunningTasks;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.contract.WireCodec;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.contract.review.Reason;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Cut;
import org.disclosureguard.screen.Finding;
import org.disclosureguard.review.ReviewModel.Entry;
import org.disclosureguard.review.ReviewModel.Event;

/**
 * What the review API and CLI ask of the running app: the quarantine store through interactive queries (this
 * instance's part, plus every other instance's over HTTP at its {@code application.server} address, with the
 * shared peer token), and commands written to the commands topic, answered by the decision the app derives.
 */
public final class ReviewService implements AutoCloseable {
    /** A quarantined record in a list: metadata only; {@code claimedBy} the reviewer who has it now, or null. */
    public record Summary(String quarantineId, String disposition, String state, String caseId, String facilityId,
                          String eventType, List<String> ruleIds, long heldAt, long ageSeconds, String eventId,
                          String claimedBy, long claimedUntil, String childId) {
        /** A record nobody has claimed. */
        public Summary(String quarantineId, String disposition, String state, String caseId, String facilityId,
                       String eventType, List<String> ruleIds, long heldAt, long ageSeconds, String eventId) {
            this(quarantineId, disposition, state, caseId, facilityId, eventType, ruleIds, heldAt, ageSeconds, eventId, null, 0, null);
        }
    }

    /** A field of the original record as a reviewer sees it, with the matched spans to highlight. */
    public record FieldView(String path, String text, List<int[]> highlights) {}

    /** A reason the record was held, as the reviewer reads it. */
    public record ReasonView(String ruleId, String kind, String fieldPath, String matchedTerm, Integer spanStart, Integer spanEnd,
                             String explanation, String legalBasis) {}

    /**
     * Everything a reviewer sees of one record; {@code releaseCuts} are the least a redacted release must cut (from
     * the sentence of each hit to the end of its field, see {@link DisclosureBoundary}), prefilled in the console.
     */
    public record Detail(Summary summary, List<ReasonView> reasons, List<FieldView> fields, List<Cut> releaseCuts,
                         PendingRelease pendingRelease, List<Event> history) {}

    /**
     * A release awaiting a second reviewer: who asked, what it removes, its digest (an approval must name it) and a
     * preview of each field it changes as it would be forwarded (null text: the field is removed).
     */
    public record PendingRelease(String requestedBy, String action, List<String> removeFields, List<Cut> cuts, String digest,
                                 List<FieldView> preview) {}

    /**
     * The group's answer and the parts of the group that did not give theirs: a review partition without an owner
     * (a rebalance), an instance that did not answer (dead, or not yet noticed dead), this instance's store not ready.
     * An answer with {@code unavailable} parts is partial, and says so: never a plain list with fewer records.
     */
    public record Group<T>(T value, List<String> unavailable) {
        public boolean complete() {
            return unavailable.isEmpty();
        }
    }

    /** Where one record is: found, not in the group, or on a part of the group that does not answer. */
    public record Lookup(Optional<Entry> entry, String unavailable) {
        static Lookup found(Optional<Entry> entry) {
            return new Lookup(entry, null);
        }

        static Lookup unavailable(String why) {
            return new Lookup(Optional.empty(), why);
        }
    }

    private final KafkaStreams streams;
    private final Topics topics;
    private final PayloadSeal seal;
    private final WireCodec inputCodec;
    private final Clock clock;
    private final KafkaProducer<byte[], byte[]> producer;
    private final PeerToken peers;
    private final LocalStores stores;
    private final PeerClient peerClient;

    public ReviewService(KafkaStreams streams, Map<String, Object> clientSettings, Topics topics,
                         PayloadSeal seal, WireCodec inputCodec, Clock clock, PeerToken peers, LocalStores stores) {
        this(streams, clientSettings, topics, seal, inputCodec, clock, peers, stores, PeerClient.plain());
    }

    public ReviewService(KafkaStreams streams, Map<String, Object> clientSettings, Topics topics,
                         PayloadSeal seal, WireCodec inputCodec, Clock clock, PeerToken peers, LocalStores stores,
                         PeerClient peerClient) {
        this.peerClient = peerClient;
        this.streams = streams;
        this.topics = topics;
        this.seal = seal;
        this.inputCodec = inputCodec;
        this.clock = clock;
        this.peers = peers;
        this.stores = stores;
        this.producer = new KafkaProducer<>(ClientSettings.idempotentProducer(clientSettings), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** Whether a request to the instance-only endpoints comes from another instance of this app. */
    public boolean fromPeer(String authorization) {
        return peers.matches(authorization);
    }

    // ---------------------------------------------------------------- this instance's part (also for the others)

    /**
     * This instance's part of the review store, read partition by partition: the entries of each review partition the
     * group assigned here, and the assigned partitions it cannot read yet. A partition is read only through its own
     * task ({@code withPartition}) and only once its task runs ({@link RunningTasks}): Kafka Streams
     * answers from a task that is not restored yet, and a list without its records would look complete.
     */
    public record LocalPart(Map<Integer, List<Entry>> partitions, Set<Integer> unreadable, String state) {}

    /** This instance's part (payloads stay sealed), for its own answers and for the other instances'. */
    public LocalPart localPart() {
        Map<Integer, List<Entry>> served = new TreeMap<>();
        Set<Integer> unreadable = new TreeSet<>();
        for (int partition : stores.owned(topics.review())) {
            List<Entry> entries = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = store(partition).all()) {
                it.forEachRemaining(kv -> entries.add(ReviewModel.readEntry(kv.value)));
                served.put(partition, entries);
            } catch (InvalidStateStoreException e) {
                unreadable.add(partition);
            }
        }
        return new LocalPart(served, unreadable, streams.state().name());
    }

    /** One entry if this instance serves its partition; unavailable while that partition cannot be read here. */
    public Lookup localEntry(String quarantineId) {
        int partition = partitionOf(quarantineId);
        if (partition < 0) {
            return Lookup.unavailable(notReady());
        }
        try {
            byte[] stored = store(partition).get(quarantineId);
            return Lookup.found(stored == null ? Optional.empty() : Optional.of(ReviewModel.readEntry(stored)));
        } catch (InvalidStateStoreException e) {
            return Lookup.unavailable("review partition " + partition + " is not readable on " + selfName()
                    + " (" + streams.state() + ": not assigned here, or still restoring)");
        }
    }

    /** Why this instance's part is missing while its store cannot be read. */
    public String notReady() {
        return "this instance's review store is not ready (" + streams.state() + ")";
    }

    /** One partition of the quarantine store; not readable here until its task runs. */
    private ReadOnlyKeyValueStore<String, byte[]> store(int partition) {
        return stores.store(ReviewTopology.QUARANTINE_STORE, QueryableStoreTypes.keyValueStore(), partition);
    }

    private int partitionOf(String quarantineId) {
        try {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(ReviewTopology.QUARANTINE_STORE, quarantineId,
                    Serdes.String().serializer());
            return metadata == null ? -1 : metadata.partition();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private String selfName() {
        HostInfo self = stores.self();
        return self == null ? "this instance" : "instance " + self.host() + ":" + self.port();
    }

    // ---------------------------------------------------------------- the whole group

    /**
     * Every entry of the group. The other instances are asked as this app's peer (the shared peer token), never with
     * the caller's login: the caller's role was checked once, here, and each role's view is cut from the whole. Each
     * review partition is taken from the first instance that read it; the answer is complete only when every
     * partition of the review topic was read, and otherwise names what was not and why.
     */
    public Group<List<Entry>> allEntries() {
        GroupParts<List<Entry>> parts = new GroupParts<>("review partitions");
        LocalPart local = localPart();
        local.partitions().forEach(parts::served);
        parts.missing(local.unreadable(), "are not readable yet on " + selfName() + " (" + local.state() + ")");
        for (StreamsMetadata member : stores.peers()) {
            String name = "instance " + member.hostInfo().host() + ":" + member.hostInfo().port();
            Optional<JsonNode> answer = remote(member.hostInfo(), "/api/review/local/entries");
            if (answer.isEmpty() || !answer.get().path("partitions").isObject()) {
                parts.missing(LocalStores.partitionsOf(member, topics.review()), "are on " + name + ", which did not answer");
                continue;
            }
            answer.get().path("partitions").fields().forEachRemaining(part -> {
                List<Entry> entries = new ArrayList<>();
                part.getValue().forEach(node -> entries.add(ReviewModel.JSON.convertValue(node, Entry.class)));
                parts.served(Integer.parseInt(part.getKey()), entries);
            });
            Set<Integer> unreadable = new TreeSet<>();
            answer.get().path("unreadable").forEach(p -> unreadable.add(p.asInt()));
            parts.missing(unreadable, "are not readable yet on " + name + " (" + answer.get().path("state").asText() + ")");
        }
        List<Entry> entries = new ArrayList<>();
        parts.served().values().forEach(entries::addAll);
        return new Group<>(entries, parts.unavailable(stores.partitionCount(topics.review())));
    }

    /**
     * One entry, from whichever instance owns it, or why the part of the group that would have it cannot say. When
     * the owner does not answer and the group's metadata has since named another, the new owner is asked once.
     */
    public Lookup entry(String quarantineId) {
        if (stores.self() == null) {
            return localEntry(quarantineId); // a single instance without application.server: everything is here
        }
        HostInfo owner = ownerOf(quarantineId);
        Lookup first = entryAt(owner, quarantineId);
        if (first.unavailable() == null) {
            return first;
        }
        HostInfo now = ownerOf(quarantineId);
        return Objects.equals(owner, now) ? first : entryAt(now, quarantineId); // the group moved the partition meanwhile
    }

    /** The instance that owns the record's partition, or null while nobody does (a rebalance). */
    private HostInfo ownerOf(String quarantineId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(ReviewTopology.QUARANTINE_STORE, quarantineId, Serdes.String().serializer());
        return owner == null || owner.activeHost() == null || owner.activeHost().port() < 0 ? null : owner.activeHost();
    }

    private Lookup entryAt(HostInfo host, String quarantineId) {
        if (host == null) {
            return Lookup.unavailable("the partition of " + quarantineId + " has no owner yet (rebalancing)");
        }
        if (host.equals(stores.self())) {
            return localEntry(quarantineId);
        }
        return remote(host, "/api/review/local/entries/" + quarantineId)
                .map(node -> Lookup.found(node.isNull() ? Optional.<Entry>empty() : Optional.of(ReviewModel.JSON.convertValue(node, Entry.class))))
                .orElseGet(() -> Lookup.unavailable("instance " + host.host() + ":" + host.port() + ", which owns the record's partition, did not answer"));
    }

    public Group<List<Summary>> list(String state, String facility, String rule, String disposition, long minAgeSeconds) {
        Group<TriageQuery.Page> page = triage(new TriageQuery(state, facility, rule, disposition, minAgeSeconds, null,
                TriageQuery.Sort.OLDEST, 0, TriageQuery.MAX_LIMIT));
        return new Group<>(page.value().records(), page.unavailable());
    }

    /** Writes a command to the commands topic, keyed by its record so one partition orders a record's commands. */
    private Future<RecordMetadata> write(Command command) {
        return producer.send(new ProducerRecord<>(topics.reviewCommands(), command.quarantineId().getBytes(StandardCharsets.UTF_8),
                ReviewModel.write(command)));
    }

    /** The queue changed between what the reviewer saw and the bulk action: nothing was sent. */
    public static final class StaleSelectionException extends RuntimeException {
        StaleSelectionException(String message) {
            super(message);
        }
    }

    /**
     * Confirms the hold of every pending record {@code query} matches, as {@code reviewer} with one justification:
     * each record gets its own command and its own audited decision. Refused, with nothing sent, unless the whole
     * group answered and exactly {@code expected} records match (the number the reviewer was shown): a record held
     * in between is not confirmed unseen. At most {@link TriageQuery#MAX_LIMIT} at once. Records another reviewer
     * has claimed are left to them. Answers how many were sent.
     */
    public int confirmAll(TriageQuery query, int expected, String reviewer, String justification) {
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("a bulk confirmation needs a justification");
        }
        TriageQuery pending = new TriageQuery(ReviewModel.State.PENDING.name(), query.facility(), query.rule(), query.disposition(),
                query.minAgeSeconds(), query.search(), query.sort(), 0, TriageQuery.MAX_LIMIT);
        Group<TriageQuery.Page> selection = triage(pending);
        if (!selection.complete()) {
            throw new StaleSelectionException("part of the group did not answer (" + String.join("; ", selection.unavailable())
                    + "): nothing was confirmed");
        }
        TriageQuery.Page page = selection.value();
        if (page.total() != expected) {
            throw new StaleSelectionException(page.total() + " pending records match now, not " + expected
                    + ": nothing was confirmed; look at the list again");
        }
        if (page.total() > page.records().size()) {
            throw new IllegalArgumentException("at most " + TriageQuery.MAX_LIMIT + " records at once: narrow the filter");
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Summary s : page.records()) {
            if (s.claimedBy() != null && !s.claimedBy().equals(reviewer)) {
                continue; // another reviewer is working on it: theirs to decide (the decider would refuse it anyway)
            }
            Command command = new Command(null, s.quarantineId(), ReviewModel.Action.CONFIRM_HOLD, reviewer, justification,
                    List.of(), List.of(), 0).sent(UUID.randomUUID().toString(), clock.millis());
            sent.add(write(command));
        }
        producer.flush();
        for (var future : sent) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("could not write a command: " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending the confirmations", e);
            }
        }
        return sent.size();
    }

    /** One page of the group's queue, filtered, searched and sorted as {@code query} says. */
    public Group<TriageQuery.Page> triage(TriageQuery query) {
        Group<List<Entry>> group = allEntries();
        List<Summary> summaries = new ArrayList<>(group.value().size());
        for (Entry entry : group.value()) {
            summaries.add(summary(entry));
        }
        return new Group<>(query.apply(summaries), group.unavailable());
    }

    /** The record as a reviewer sees it, of an entry found by {@link #entry}; the caller must record the view ({@link #send}). */
    public Detail detailOf(Entry entry) {
        return detail(entry);
    }

    /** Decision history, newest first, without payloads (for auditors). */
    public Group<List<Event>> history(int limit) {
        Group<List<Entry>> group = allEntries();
        return new Group<>(history(group.value(), limit), group.unavailable());
    }

    /** The newest {@code limit} decision events of {@code entries}. */
    public static List<Event> history(List<Entry> entries, int limit) {
        List<Event> events = new ArrayList<>();
        entries.forEach(e -> events.addAll(e.history() == null ? List.of() : e.history()));
        events.sort(Comparator.comparingLong(Event::at).reversed());
        return List.copyOf(events.subList(0, Math.min(limit, events.size())));
    }

    /** Records by state, decisions by type. */
    public Group<Map<String, Long>> counts() {
        Group<List<Entry>> group = allEntries();
        return new Group<>(counts(group.value()), group.unavailable());
    }

    /** Records by state and decisions by type of {@code entries}. */
    public static Map<String, Long> counts(List<Entry> entries) {
        Map<String, Long> counts = new TreeMap<>();
        for (Entry entry : entries) {
            counts.merge("state." + entry.state(), 1L, Long::sum);
            (entry.history() == null ? List.<Event>of() : entry.history()).forEach(e -> counts.merge("event." + e.type(), 1L, Long::sum));
        }
        return counts;
    }

    /**
     * Writes a command and waits for its decision event (the app answers every command with exactly one).
     *
     * @return the decision, or empty if none came within {@code timeout}
     */
    public Optional<Event> send(Command request, Duration timeout) throws InterruptedException {
        Command command = request.sent(request.commandId() == null ? UUID.randomUUID().toString() : request.commandId(), clock.millis());
        try {
            write(command).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not write the command: " + e.getCause(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Event> decided = entry(command.quarantineId()).entry().flatMap(e -> (e.history() == null ? List.<Event>of()
                    : e.history()).stream().filter(ev -> command.commandId().equals(ev.commandId())).findFirst());
            if (decided.isPresent()) {
                return decided;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** The service's clock, in epoch millis (claims are read against it). */
    public long now() {
        return clock.millis();
    }

    private Summary summary(Entry entry) {
        try {
            QuarantinedRecord review = QuarantinedRecords.decode(entry.review());
            long heldAt = review.getQuarantinedAt().toEpochMilli();
            long now = clock.millis();
            Optional<ReviewModel.Claim> claim = entry.liveClaim(now); // one reading: who and until when agree
            return new Summary(entry.quarantineId(), review.getDisposition().name(), entry.state().name(), review.getCaseId(),
                    review.getFacilityId(), review.getEventType(),
                    review.getReasons().stream().map(Reason::getRuleId).distinct().toList(), heldAt,
                    Math.max(0, (now - heldAt) / 1000), review.getEventId(),
                    claim.map(ReviewModel.Claim::reviewer).orElse(null), claim.map(ReviewModel.Claim::until).orElse(0L),
                    review.getChildId());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Detail detail(Entry entry) {
        try {
            QuarantinedRecord review = QuarantinedRecords.decode(entry.review());
            List<ReasonView> reasons = review.getReasons().stream().map(r -> new ReasonView(r.getRuleId(), r.getKind().name(),
                    r.getFieldPath(), r.getMatchedTerm(), r.getSpanStart(), r.getSpanEnd(), r.getExplanation(), r.getLegalBasis())).toList();
            Opened original = open(entry, review);
            if (original.record() == null) {
                return new Detail(summary(entry), reasons, List.of(new FieldView("(payload)", original.why(), List.of())), List.of(),
                        pendingRelease(entry, null), entry.history());
            }
            List<Finding> findings = review.getReasons().stream().map(r -> new Finding(r.getRuleId(), r.getKind(), r.getFieldPath(),
                    r.getMatchedTerm(), r.getSpanStart(), r.getSpanEnd(), r.getExplanation(), r.getLegalBasis(), null)).toList();
            // Hits placed in no field name no field to prefill: the decider names the fields such a release must cut.
            List<Cut> releaseCuts = DisclosureBoundary.defaultCuts(original.record(),
                    DisclosureBoundary.required(original.record(), findings, List.of()));
            return new Detail(summary(entry), reasons, fields(original.record(), reasons), releaseCuts,
                    pendingRelease(entry, original.record()), entry.history());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The release awaiting approval with a preview of what it changes (none without the original), or null. */
    private static PendingRelease pendingRelease(Entry entry, GenericRecord original) {
        Command request = entry.pending();
        if (request == null) {
            return null;
        }
        List<FieldView> preview = new ArrayList<>();
        if (original != null) {
            GenericRecord copy = GenericData.get().deepCopy(original.getSchema(), original);
            String problem = ReviewDecider.redact(copy, request);
            if (problem != null) {
                preview.add(new FieldView("(release)", "cannot be applied: " + problem, List.of()));
            } else {
                java.util.Set<String> touched = new java.util.TreeSet<>(request.removeFields());
                request.cuts().forEach(c -> touched.add(c.field()));
                for (String path : touched) {
                    Object value = DisclosureBoundary.valueAt(copy, path);
                    preview.add(new FieldView(path, value == null ? null : value.toString(), List.of()));
                }
            }
        }
        return new PendingRelease(request.reviewer(), request.action().name(), request.removeFields(), request.cuts(),
                request.releaseDigest(), preview);
    }

    /** The original record, opened and decoded, or why a reviewer cannot see it. */
    private record Opened(GenericRecord record, String why) {}

    private Opened open(Entry entry, QuarantinedRecord review) {
        if (review.getOriginalValue() == null) {
            return new Opened(null, "not kept: the record was larger than guard.max.record.bytes");
        }
        byte[] bytes = new byte[review.getOriginalValue().remaining()];
        review.getOriginalValue().duplicate().get(bytes);
        try {
            if (entry.sealKeyId() != null) {
                if (seal == null) {
                    return new Opened(null, "sealed with key " + entry.sealKeyId() + "; this instance has no seal key");
                }
                bytes = seal.open(bytes, entry.sealKeyId(), entry.quarantineId());
            }
            return new Opened(inputCodec.decode(bytes), null);
        } catch (Exception e) {
            return new Opened(null, "does not decode (" + e.getClass().getSimpleName() + "): " + bytes.length + " bytes");
        }
    }

    /** The original record's non-empty fields (top level; records as JSON) with the matched spans to highlight. */
    /**
     * The record's fields as a reviewer reads them: nested records laid out as their own fields ("incident.summary"),
     * so that a hit inside one is highlighted where it is and a nested field can be cut or removed by its path.
     */
    private static List<FieldView> fields(GenericRecord original, List<ReasonView> reasons) {
        List<FieldView> fields = new ArrayList<>();
        addFields(original, "", reasons, fields);
        return fields;
    }

    private static void addFields(GenericRecord record, String prefix, List<ReasonView> reasons, List<FieldView> fields) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value == null) {
                continue;
            }
            String path = prefix + field.name();
            if (value instanceof GenericRecord nested) {
                addFields(nested, path + ".", reasons, fields);
                continue;
            }
            List<int[]> highlights = new ArrayList<>();
            for (ReasonView reason : reasons) {
                if (path.equals(reason.fieldPath()) && reason.spanStart() != null && reason.spanEnd() != null) {
                    highlights.add(new int[] {reason.spanStart(), reason.spanEnd()});
                }
            }
            fields.add(new FieldView(path, value.toString(), highlights));
        }
    }

    /** Lifts a name's sign-in lock-out on every other instance; answers the instances that did not confirm it. */
    public List<String> unlockOnPeers(String name) {
        List<String> unreached = new ArrayList<>();
        for (StreamsMetadata member : stores.peers()) {
            HostInfo host = member.hostInfo();
            HttpRequest request = HttpRequest.newBuilder(peerClient.uri(host.host(), host.port(),
                            "/api/review/local/unlock/" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(3)).header("Authorization", peers.header())
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            boolean confirmed = false;
            try {
                confirmed = peerClient.client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                // not reached: said below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!confirmed) {
                unreached.add("instance " + host.host() + ":" + host.port());
            }
        }
        return unreached;
    }

    private Optional<JsonNode> remote(HostInfo host, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(peerClient.uri(host.host(), host.port(), path))
                .timeout(Duration.ofSeconds(3));
        // As the peer, not as the caller: an auditor's login may not read entries, but the auditor's counts are the
        // group's (the caller was authorized on this instance; the other instance checks the peer token).
        request.header("Authorization", peers.header());
        try {
            HttpResponse<String> response = peerClient.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(ReviewModel.JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
