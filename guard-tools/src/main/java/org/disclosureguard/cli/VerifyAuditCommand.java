package org.disclosureguard.cli;

import java.io.BufferedReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.disclosureguard.audit.AuditChainVerifier;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.PlainJson;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.verify.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks that no audit decision was removed or altered: the hash chains of every input partition. */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = {"Verifies the audit trail's hash chains: per input partition, every decision's hash matches its "
                + "content and links to the decision before it, so a removed, altered, inserted or reordered decision "
                + "shows. Reads the audit topic (read_committed) or a replay audit.jsonl file.",
                "Exit code 0: intact; 1: problems found (listed)."})
final class VerifyAuditCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--file", paramLabel = "FILE", description = "A JSON-lines audit file (replay's audit.jsonl) instead of the topic.")
    Path file;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Audit topic (default: guard.topic.audit from the config, else screening.audit).")
    String topic;

    @Override
    public Integer call() throws Exception {
        List<ScreeningDecision> decisions = file != null ? fromFile(file) : fromTopic();
        AuditChainVerifier.Report report = AuditChainVerifier.verify(decisions);
        System.out.println(report.summary());
        report.problems().forEach(p -> System.out.println("  - " + p));
        return report.intact() ? 0 : FriendlyErrors.FAILURE;
    }

    private List<ScreeningDecision> fromTopic() throws Exception {
        Map<String, Object> settings = cluster.settings(true);
        String auditTopic = topic != null ? topic : GuardConfig.fromStreamsConfig(settings).topics().audit();
        return AuditTrail.read(settings, auditTopic, Duration.ofSeconds(60));
    }

    /** JSON back to the exact Avro values, so that the hash is recomputed over the same bytes. */
    private static List<ScreeningDecision> fromFile(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(), ScreeningDecision.getClassSchema());
        List<ScreeningDecision> decisions = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                try {
                    GenericRecord record = PlainJson.toRecord(json.readTree(line), ScreeningDecision.getClassSchema());
                    decisions.add(ScreeningDecision.fromByteBuffer(ByteBuffer.wrap(AvroBytes.of(() -> encoder.encode(record)))));
                } catch (Exception e) {
                    throw new FriendlyErrors.UserError(file + " line " + number + " is not an audit decision: " + e.getMessage());
                }
            }
        }
        return decisions;
    }
}
