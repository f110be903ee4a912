package org.disclosureguard.pipeline;

import org.disclosureguard.registry.RegistryCodec;
import org.disclosureguard.contract.UndecodableRecordException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.WireCodec;
import org.disclosureguard.registry.RegistryClient;
import org.disclosureguard.registry.RegistryException;
import org.disclosureguard.registry.RegistrySettings;
import org.disclosureguard.registry.RegistryWireFormat;
import org.apache.kafka.common.config.ConfigException;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.CaseRecordEvent;

/**
 * Which wire format each topic uses (single-object encoding by default; the schema-registry format where the
 * provider's producers or the agency's consumers speak it), and the codecs for them. One per app, shared by the
 * stream tasks and the exception handler; each task asks it for codecs of its own.
 */
public final class WireFormats {
    /** A topic's framing. */
    public enum Format {
        SINGLE_OBJECT, REGISTRY;

        static Format parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final Topics topics;
    private final Format input;
    private final Format enforcement;
    private final Format guardTopics;
    private final RegistryWireFormat registry;

    private WireFormats(Topics topics, Format input, Format enforcement, Format guardTopics, RegistryWireFormat registry) {
        this.topics = topics;
        this.input = input;
        this.enforcement = enforcement;
        this.guardTopics = guardTopics;
        this.registry = registry;
    }

    /** Single-object encoding on every topic. */
    public static WireFormats singleObject(Topics topics) {
        return new WireFormats(topics, Format.SINGLE_OBJECT, Format.SINGLE_OBJECT, Format.SINGLE_OBJECT, null);
    }

    /** From the guard's settings; the registry is not called until {@link #prepare}. */
    public static WireFormats from(Map<?, ?> settings) {
        GuardConfig config = GuardConfig.fromStreamsConfig(settings);
        Format all = Format.parse(config.getString(GuardConfig.WIRE_FORMAT));
        Format input = orDefault(config.getString(GuardConfig.WIRE_FORMAT_INPUT), all);
        Format enforcement = orDefault(config.getString(GuardConfig.WIRE_FORMAT_ENFORCEMENT), all);
        Topics topics = config.topics();
        boolean anyRegistry = all == Format.REGISTRY || input == Format.REGISTRY || enforcement == Format.REGISTRY;
        RegistrySettings registrySettings = RegistrySettings.from(config.values());
        if (anyRegistry && registrySettings == null) {
            throw new ConfigException(RegistrySettings.URL, "", "a topic uses the registry wire format, so the registry URL is required");
        }
        RegistryWireFormat registry = anyRegistry
                ? new RegistryWireFormat(new RegistryClient(registrySettings), SchemaCatalog.bundled()) : null;
        return new WireFormats(topics, input, enforcement, all, registry);
    }

    private static Format orDefault(String value, Format fallback) {
        return value == null || value.isBlank() ? fallback : Format.parse(value);
    }

    public boolean usesRegistry() {
        return registry != null;
    }

    /** The registry client, or null when no topic uses the registry. */
    public RegistryClient registryClient() {
        return registry == null ? null : registry.client();
    }

    /**
     * Registers (or looks up) the schemas the guard writes with, retrying an unavailable registry until
     * {@code timeout}. Call once before the app starts; a no-op without the registry.
     */
    public void prepare(Duration timeout) throws RegistryException {
        if (enforcement == Format.REGISTRY) {
            registry.prepareOutput(topics.enforcement(), SchemaCatalog.ENFORCEMENT_CASE_EVENT, timeout);
        }
        if (guardTopics == Format.REGISTRY) {
            registry.prepareOutput(topics.review(), SchemaCatalog.QUARANTINED_RECORD, timeout);
            registry.prepareOutput(topics.audit(), SchemaCatalog.SCREENING_DECISION, timeout);
        }
    }

    /**
     * How a provider's producer writes case events to {@code topic} under these settings (the demo feeder and
     * `produce`): with the registry format, the input schema is registered under the topic's subject first, as
     * Confluent's serializer would.
     */
    public static java.util.function.Function<CaseRecordEvent, byte[]> providerEncoder(
            Map<?, ?> settings, String topic, Duration timeout) throws RegistryException {
        WireFormats formats = from(settings);
        if (formats.input != Format.REGISTRY) {
            return event -> AvroBytes.of(event::toByteBuffer);
        }
        formats.registry.prepareOutput(topic, SchemaCatalog.CASE_RECORD_EVENT, timeout);
        WireCodec codec = formats.registry.codec(SchemaCatalog.CASE_RECORD_EVENT, topic);
        return codec::encode;
    }

    public WireCodec inputCodec() {
        return input == Format.REGISTRY ? registry.codec(SchemaCatalog.CASE_RECORD_EVENT, null)
                : new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT);
    }

    /** The enforcement topic's codec for one task. */
    public WireCodec enforcementCodec() {
        return enforcement == Format.REGISTRY ? registry.codec(SchemaCatalog.ENFORCEMENT_CASE_EVENT, topics.enforcement())
                : new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.ENFORCEMENT_CASE_EVENT);
    }

    /** The outputs' encoders for one task. */
    public GuardOutputs outputs() {
        WireCodec enforcementCodec = enforcementCodec();
        if (guardTopics != Format.REGISTRY) {
            return new GuardOutputs(enforcementCodec);
        }
        return new GuardOutputs(enforcementCodec, registry.codec(SchemaCatalog.QUARANTINED_RECORD, topics.review()),
                registry.codec(SchemaCatalog.SCREENING_DECISION, topics.audit()));
    }

    /** Turns a review record as the review topic carries it into single-object encoding. */
    @FunctionalInterface
    public interface ReviewRecordFiling {
        /**
         * @throws UndecodableRecordException when a registry-framed record does not decode (its schema id unknown
         *     to the registry, or a registry outage that outlasted the client's retries)
         */
        byte[] singleObject(byte[] reviewRecord) throws UndecodableRecordException;
    }

    /**
     * How the review workflow files review records, for one task: in single-object encoding whatever the review
     * topic's wire format, so that the quarantine store and everything that reads it (releases, the console, the
     * metrics queries) read one format. The codecs are made once here, not per record.
     */
    public ReviewRecordFiling reviewRecordFiling() {
        if (guardTopics != Format.REGISTRY) {
            return bytes -> bytes;
        }
        WireCodec framed = registry.codec(SchemaCatalog.QUARANTINED_RECORD, topics.review());
        WireCodec singleObject = new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.QUARANTINED_RECORD);
        return bytes -> RegistryCodec.isFramed(bytes) ? singleObject.encode(framed.decode(bytes)) : bytes;
    }

    @Override
    public String toString() {
        return "input " + input + ", enforcement " + enforcement + ", review and audit " + guardTopics;
    }
}
