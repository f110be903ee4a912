package org.disclosureguard.registry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.disclosureguard.contract.SchemaCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry wire format for the whole app (shared by every stream task; thread-safe): the client, the ids of
 * the schemas the guard writes with (registered or looked up once, at start), and writer-schema fetches that
 * ride out a short registry outage with back-off. Each task gets its own {@link RegistryCodec} from here.
 */
public final class RegistryWireFormat {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryWireFormat.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final RegistryClient client;
    private final SchemaCatalog catalog;
    private final Map<String, Integer> outputIds = new ConcurrentHashMap<>();

    public RegistryWireFormat(RegistryClient client, SchemaCatalog catalog) {
        this.client = client;
        this.catalog = catalog;
    }

    public RegistryClient client() {
        return client;
    }

    /**
     * Registers (or, without auto-registration, looks up) the current schema of {@code catalogSubject} under the
     * subject for {@code topic}, retrying while the registry is unavailable until {@code timeout}.
     *
     * @throws RegistryException if the registry refuses, or stays unavailable past the timeout
     */
    public int prepareOutput(String topic, String catalogSubject, Duration timeout) throws RegistryException {
        Schema schema = catalog.current(catalogSubject);
        String subject = client.settings().subjectNameStrategy().subject(topic, schema);
        int id = retrying(timeout, () -> {
            if (client.settings().autoRegister()) {
                return client.register(subject, schema);
            }
            return client.lookup(subject, schema).orElseThrow(() -> new RegistryException.NotFound(
                    "the schema of " + catalogSubject + " is not registered under " + subject
                            + " and auto-registration is off (" + RegistrySettings.AUTO_REGISTER + "=false)"));
        });
        outputIds.put(topic, id);
        LOG.info("Writing {} as schema id {} (subject {})", topic, id, subject);
        return id;
    }

    /** A codec for one task: reads any registered version of the contract, writes with the prepared id (if any). */
    public RegistryCodec codec(String catalogSubject, String topic) {
        Integer id = topic == null ? null : outputIds.get(topic);
        return new RegistryCodec(this, catalog, catalogSubject, id == null ? -1 : id);
    }

    /** The writer schema of a record, waiting out a registry outage up to the configured max wait. */
    Schema writerSchema(int id) throws RegistryException {
        return retrying(client.settings().maxWait(), () -> client.schemaById(id));
    }

    private interface Call<T> {
        T run() throws RegistryException;
    }

    private static <T> T retrying(Duration budget, Call<T> call) throws RegistryException {
        long deadline = System.nanoTime() + budget.toNanos();
        long backoff = FIRST_BACKOFF.toMillis();
        while (true) {
            try {
                return call.run();
            } catch (RegistryException.Unavailable e) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(backoff, left));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }
}
