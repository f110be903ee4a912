package org.disclosureguard.pipeline;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Context headers on review records, in the style of Kafka Connect's {@code __connect.errors.*} and Kafka
 * Streams' {@code __streams.errors.*} dead-letter headers: a consumer of the review topic can route and count
 * without decoding the value. Values are identifiers and codes, never content.
 */
public final class GuardHeaders {
    public static final String PREFIX = "__guard.";
    public static final String DISPOSITION = PREFIX + "disposition";
    public static final String RULE_IDS = PREFIX + "rule.ids";
    public static final String SOURCE_TOPIC = PREFIX + "source.topic";
    public static final String SOURCE_PARTITION = PREFIX + "source.partition";
    public static final String SOURCE_OFFSET = PREFIX + "source.offset";
    public static final String POLICY_ID = PREFIX + "policy.id";
    public static final String POLICY_VERSION = PREFIX + "policy.version";
    /** On review records with a sealed payload: the key id and the algorithm (README "Review payload sealing"). */
    public static final String SEAL_KEY_ID = PREFIX + "seal.key.id";
    /** On a dead-letter record: the processor node that failed on it, and the exception's class (never its message). */
    public static final String DEAD_LETTER_NODE = PREFIX + "dead.letter.node";
    public static final String DEAD_LETTER_EXCEPTION = PREFIX + "dead.letter.exception";
    public static final String SEAL_ALGORITHM = PREFIX + "seal.algorithm";
    public static final String EXCEPTION_CLASS = PREFIX + "errors.exception.class.name";
    public static final String EXCEPTION_MESSAGE = PREFIX + "errors.exception.message";
    /**
     * Set on an input record by an upstream converter (the replay command) that could not turn its input into
     * the contract: the record is rejected with this text as the reason. It can only cause a reject, never a forward.
     */
    public static final String INPUT_ERROR = PREFIX + "input.error";

    private GuardHeaders() {}

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String get(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
