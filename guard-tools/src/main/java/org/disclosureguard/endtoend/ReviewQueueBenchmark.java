package org.disclosureguard.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.GuardStart;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.embedded.Directories;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.ClientSettings;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.PayloadSeal;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.replay.StateFolders;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;
import org.disclosureguard.synthetic.CaseEventGenerator;

/**
 * The review queue under load (issue 16): a guard with {@code records} pending held records, and the console's list
 * page asked for as a signed-in reviewer's browser asks for it, over HTTP: the first page in the default order, the
 * newest first, a page deep in the queue, and a search by part of a case id. Prints a Markdown report with, per page,
 * the median and slowest of {@code requests} answers, the page's size and its rows.
 */
public final class ReviewQueueBenchmark {
    public record Options(int records, int requests) {}

    private static final String REVIEWER = "bench";
    private static final Pattern ROW = Pattern.compile("<tr><td><a href=\"/review/records/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ReviewQueueBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public void run() throws Exception {
        Path state = StateFolders.fresh("bench-review-");
        out.println("Starting an embedded Kafka broker (KRaft, single node)...");
        // A broker of its own: the default topic names cannot meet another guard's.
        try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            String bootstrap = broker.bootstrapServers();
            char[] password = UUID.randomUUID().toString().toCharArray();
            Path users = state.resolve("users.yaml");
            UserStore.addOrReplace(users, REVIEWER, Role.REVIEWER, password);
            Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));

            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Map<String, Object> settings = new HashMap<>();
            settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-review-" + suffix);
            settings.put(StreamsConfig.STATE_DIR_CONFIG, state.resolve("state").toString());
            settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
            settings.put(GuardConfig.HTTP_PORT, 0);
            settings.put(GuardConfig.REVIEW_USERS_FILE, users.toString());
            settings.put(GuardConfig.REVIEW_SEAL_KEY, PayloadSeal.newKey("bench"));
            Topics topics = GuardConfig.fromStreamsConfig(settings).topics();
            try (Admin admin = Admin.create(ClientSettings.admin(settings))) {
                TopicPlan.create(admin, TopicPlan.newTopics(topics, 4, (short) 1));
            }
            try (GuardApp app = GuardStart.start(settings, "bench-review", Policy.bundled(), Duration.ofSeconds(60))) {
                if (!app.awaitRunning(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("the guard did not reach RUNNING within 60 s");
                }
                String base = "http://localhost:" + app.httpPort();
                produceHeld(settings, topics.input());
                awaitPending(base, password);
                String session = signIn(base, password);
                report(base, session);
            }
        } finally {
            Directories.deleteQuietly(state);
        }
    }

    /** Sends records the bundled policy holds (therapy retold in case notes, counseling sessions). */
    private void produceHeld(Map<String, Object> settings, String topic) throws Exception {
        CaseEventGenerator generator = new CaseEventGenerator(16);
        List<CaseEventGenerator.Kind> held = List.of(CaseEventGenerator.Kind.THERAPY_RETOLD_NOTE_EN,
                CaseEventGenerator.Kind.THERAPY_RETOLD_NOTE_ES, CaseEventGenerator.Kind.COUNSELING_SESSION,
                CaseEventGenerator.Kind.CLINICIAN_INCIDENT);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientSettings.idempotentProducer(settings),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < options.records(); i++) {
                CaseRecordEvent event = generator.next(held.get(i % held.size()));
                producer.send(new ProducerRecord<>(topic, event.getCaseId().getBytes(StandardCharsets.UTF_8),
                        AvroBytes.of(event::toByteBuffer)));
            }
            producer.flush();
        }
        out.printf("Produced %,d records the policy holds%n", options.records());
    }

    /** Waits until the review API counts every record as pending (progress every ten seconds). */
    private void awaitPending(String base, char[] password) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (REVIEWER + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long lastReport = System.nanoTime();
        int total = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/review/records?limit=1"))
                    .header("Authorization", basic).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                total = JSON.readTree(answer.body()).path("total").asInt();
                if (total >= options.records()) {
                    out.printf("%,d records pending review%n", total);
                    return;
                }
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                out.printf("... %,d of %,d records pending so far%n", total, options.records());
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("only " + total + " of " + options.records() + " records were pending after 10 minutes");
    }

    /** Signs in as the console's form does (its CSRF cookie and field); answers the session cookie. */
    private String signIn(String base, char[] password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/review/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String login = cookie(form, "dg_review_login");
        String body = "username=" + REVIEWER + "&password=" + URLEncoder.encode(new String(password), StandardCharsets.UTF_8)
                + "&csrf=" + URLEncoder.encode(login, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/review/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "dg_review_login=" + login)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return cookie(signedIn, "dg_review_session");
    }

    private static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                return header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
            }
        }
        throw new IllegalStateException("no " + name + " cookie in the answer (status " + response.statusCode() + ")");
    }

    private record Measured(String page, long medianMicros, long maxMicros, int bytes, int rows) {}

    private void report(String base, String session) throws Exception {
        int deepPage = Math.max(1, options.records() / 2 / 50);
        List<String[]> pages = List.of(
                new String[] {"first page, oldest first (the default)", "/review/records"},
                new String[] {"first page, newest first", "/review/records?sort=newest"},
                new String[] {"page " + deepPage + ", oldest first", "/review/records?page=" + deepPage},
                new String[] {"search by part of a case id", "/review/records?q=case-1"});
        for (int i = 0; i < 5; i++) {
            get(base + pages.get(0)[1], session); // warm-up: class loading, the JIT, RocksDB's block cache
        }
        List<Measured> results = new ArrayList<>();
        for (String[] page : pages) {
            long[] micros = new long[options.requests()];
            String body = "";
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                body = get(base + page[1], session);
                micros[i] = (System.nanoTime() - start) / 1_000;
            }
            Arrays.sort(micros);
            Matcher rows = ROW.matcher(body);
            int count = 0;
            while (rows.find()) {
                count++;
            }
            results.add(new Measured(page[0], micros[micros.length / 2], micros[micros.length - 1],
                    body.getBytes(StandardCharsets.UTF_8).length, count));
        }
        out.printf("%n### Review queue, %,d pending records, %d requests a page%n%n", options.records(), options.requests());
        out.println("| list page | median | slowest | page size | rows |");
        out.println("|---|---|---|---|---|");
        for (Measured m : results) {
            out.printf("| %s | %.1f ms | %.1f ms | %,d bytes | %d |%n", m.page(), m.medianMicros() / 1000.0, m.maxMicros() / 1000.0,
                    m.bytes(), m.rows());
        }
    }

    private String get(String url, String session) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "dg_review_session=" + session)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        return answer.body();
    }
}
