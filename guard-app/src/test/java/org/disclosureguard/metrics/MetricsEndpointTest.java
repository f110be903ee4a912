package org.disclosureguard.metrics;

import org.disclosureguard.pipeline.GuardMeters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.app.HttpEndpoints;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.reload.PolicyReloader;
import org.disclosureguard.screen.ScreeningResult;
import org.junit.jupiter.api.Test;

/** /metrics speaks the Prometheus text format, and the guard's meters count what the processor reports. */
class MetricsEndpointTest {
    /** One sample line of the text exposition format: name, optional {labels}, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)( \\d+)?$");

    record Sample(String name, Map<String, String> labels, double value) {}

    static List<Sample> parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                assertTrue(line.isBlank() || line.startsWith("# HELP ") || line.startsWith("# TYPE "), "comment line: " + line);
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4).replace("+Inf", "Infinity"))));
        }
        return samples;
    }

    static double value(List<Sample> samples, String name, String label, String labelValue) {
        return samples.stream().filter(s -> s.name().equals(name) && labelValue.equals(s.labels().get(label)))
                .mapToDouble(Sample::value).sum();
    }

    @Test
    void theGuardsMetersAreScrapedInTheTextFormat() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GuardMeters meters = new GuardMeters(registry);
        ScreeningResult held = ScreeningResult.quarantined(Decision.HOLD, List.of());
        meters.record(held, "FAC-TX-014", 40);
        meters.record(held, "FAC-TX-014", 70);
        meters.record(new ScreeningResult(Decision.FORWARD_REDACTED, List.of(), List.of("counseling"), List.of("field.therapy"), null), "FAC-CA-002", 12);
        try (HttpEndpoints http = HttpEndpoints.start(0, () -> KafkaStreams.State.RUNNING,
                () -> new PolicyReloader.Status("p", "1", "bundled", Instant.now(), null))) {
            http.serveMetrics(registry);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            List<Sample> samples = parse(response.body());

            assertEquals(2.0, value(samples, "guard_decisions_total", "decision", "HOLD"));
            assertEquals(1.0, value(samples, "guard_decisions_total", "decision", "FORWARD_REDACTED"));
            assertEquals(1.0, value(samples, "guard_dropped_fields_total", "field", "counseling"));
            assertEquals(2.0, value(samples, "guard_facility_blocks_total", "facility", "FAC-TX-014"));
            double count = samples.stream().filter(s -> s.name().equals("guard_processing_latency_seconds_count")).mapToDouble(Sample::value).sum();
            assertEquals(3.0, count);
            // Histogram buckets are cumulative: never decreasing, ending at the count.
            List<Double> buckets = samples.stream().filter(s -> s.name().equals("guard_processing_latency_seconds_bucket"))
                    .map(Sample::value).toList();
            assertTrue(buckets.size() > 5, "a latency histogram");
            for (int i = 1; i < buckets.size(); i++) {
                assertTrue(buckets.get(i) >= buckets.get(i - 1), "cumulative buckets");
            }
            assertEquals(3.0, buckets.get(buckets.size() - 1));
            assertTrue(samples.stream().noneMatch(s -> s.labels().values().stream().anyMatch(v -> v.contains(" "))),
                    "label values are identifiers, never text");
        }
    }
}
