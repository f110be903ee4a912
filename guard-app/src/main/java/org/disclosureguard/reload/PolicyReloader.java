package org.disclosureguard.reload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.policy.PolicyDocument;
import org.disclosureguard.policy.PolicyException;
import org.disclosureguard.policy.PolicyWidening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a policy offered while the app runs and, if it is valid, puts it in force between two records. A bad
 * policy is refused and reported (log and {@link #status()}); the policy in force stays. A changed policy must
 * carry a new version, because every decision records the version it was made under. Widening changes are
 * accepted (lint is where they need sign-off) but logged as warnings, one line each.
 */
public final class PolicyReloader {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyReloader.class);

    /** What became of an offered policy. */
    public enum Outcome { ACCEPTED, UNCHANGED, REFUSED }

    /** The last refused offer: where it came from, when, and why. */
    public record Refusal(String source, String version, Instant at, List<String> problems) {}

    /** For the /policy endpoint: the version in force and the last refusal (null if none). */
    public record Status(String id, String version, String source, Instant since, Refusal lastRefusal) {}

    private final ActivePolicy active;
    private final SchemaCatalog catalog;
    private String source;
    private Instant since;
    private Refusal lastRefusal;

    public PolicyReloader(ActivePolicy active, String initialSource) {
        this.active = active;
        this.catalog = SchemaCatalog.bundled();
        this.source = initialSource;
        this.since = Instant.now();
    }

    /** Offers a policy's YAML text, read from {@code source} (a file, topic-partition@offset). */
    public synchronized Outcome offer(String yaml, String source) {
        PolicyDocument document;
        try {
            document = Policy.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), source);
        } catch (PolicyException e) {
            return refuse(source, null, e.problems());
        }
        Policy next;
        try {
            next = Policy.compile(document, catalog, source);
        } catch (PolicyException e) {
            return refuse(source, document.version(), e.problems());
        }
        Policy current = active.policy();
        if (next.id().equals(current.id()) && next.version().equals(current.version())) {
            if (next.document().equals(current.document())) {
                return Outcome.UNCHANGED;
            }
            return refuse(source, next.version(), List.of("the policy changed but its version is still '" + next.version()
                    + "': every decision records the version it was made under, so a changed policy needs a new one"));
        }
        PolicyWidening.between(current.document(), next).forEach(w ->
                LOG.warn("Policy {} {} widens what may cross: {}", next.id(), next.version(), w));
        active.replace(next);
        this.source = source;
        this.since = Instant.now();
        LOG.info("Policy {} {} is in force (from {}; was {} {})", next.id(), next.version(), source, current.id(), current.version());
        return Outcome.ACCEPTED;
    }

    private Outcome refuse(String source, String version, List<String> problems) {
        lastRefusal = new Refusal(source, version, Instant.now(), List.copyOf(problems));
        Policy current = active.policy();
        LOG.error("Refused the policy from {}; {} {} stays in force:\n  - {}", source, current.id(), current.version(),
                String.join("\n  - ", problems));
        return Outcome.REFUSED;
    }

    public synchronized Status status() {
        Policy current = active.policy();
        return new Status(current.id(), current.version(), source, since, lastRefusal);
    }
}
