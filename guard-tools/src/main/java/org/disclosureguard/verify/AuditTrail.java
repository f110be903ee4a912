package org.disclosureguard.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.registry.GuardRecordReader;

/** The committed audit decisions of an audit topic, in partition order. */
public final class AuditTrail {
    private AuditTrail() {}

    public static List<ScreeningDecision> read(Map<String, Object> clientSettings, String auditTopic, Duration timeout) {
        GuardRecordReader reader = GuardRecordReader.from(clientSettings);
        return TopicReader.readAll(clientSettings, auditTopic, timeout).stream().map(record -> {
            try {
                return reader.decision(record.value());
            } catch (IOException e) {
                throw new UncheckedIOException("not an audit decision at " + record.partition() + "/" + record.offset(), e);
            }
        }).toList();
    }
}
