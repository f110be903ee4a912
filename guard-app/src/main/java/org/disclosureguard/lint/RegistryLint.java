package org.disclosureguard.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.Schema;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.registry.RegistryClient;
import org.disclosureguard.registry.RegistryException;

/**
 * The contract against a schema registry: for each of the guard's topics, the current version of its contract
 * is registered under the topic's subject, and is compatible with the latest version registered there (by the
 * subject's own compatibility rule). For agencies whose producers and consumers use the registry format.
 */
final class RegistryLint {
    private RegistryLint() {}

    static List<LintFinding> check(RegistryClient registry, SchemaCatalog catalog, Topics topics) {
        Map<String, String> contractByTopic = new LinkedHashMap<>();
        contractByTopic.put(topics.input(), SchemaCatalog.CASE_RECORD_EVENT);
        contractByTopic.put(topics.enforcement(), SchemaCatalog.ENFORCEMENT_CASE_EVENT);
        contractByTopic.put(topics.review(), SchemaCatalog.QUARANTINED_RECORD);
        contractByTopic.put(topics.audit(), SchemaCatalog.SCREENING_DECISION);
        List<LintFinding> findings = new ArrayList<>();
        for (Map.Entry<String, String> entry : contractByTopic.entrySet()) {
            Schema schema = catalog.current(entry.getValue());
            String subject = registry.settings().subjectNameStrategy().subject(entry.getKey(), schema);
            String what = entry.getValue() + " (topic " + entry.getKey() + ", subject " + subject + ")";
            try {
                Optional<RegistryClient.Registered> latest = registry.latest(subject);
                if (latest.isEmpty()) {
                    findings.add(LintFinding.error("registry", what + ": the subject does not exist in the registry"));
                    continue;
                }
                OptionalInt id = registry.lookup(subject, schema);
                if (id.isEmpty()) {
                    findings.add(LintFinding.error("registry", what + ": the current contract version is not registered (latest is version "
                            + latest.get().version() + ", id " + latest.get().id() + ")"));
                }
                if (!registry.compatibleWithLatest(subject, schema)) {
                    findings.add(LintFinding.error("registry", what + ": the current contract version is not compatible with the latest "
                            + "registered version " + latest.get().version() + " under the subject's compatibility rule"));
                }
            } catch (RegistryException e) {
                findings.add(LintFinding.error("registry", what + ": " + e.getMessage()));
                if (e instanceof RegistryException.Unavailable) {
                    break; // one line is enough to say the registry is down
                }
            }
        }
        return findings;
    }
}
