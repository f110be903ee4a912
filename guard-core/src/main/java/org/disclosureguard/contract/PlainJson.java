package org.disclosureguard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;

/**
 * Plain JSON for people and files (the replay format), not Avro's JSON encoding: records are objects with the
 * schema's field names, unions are just the value, enums are symbol names, {@code date} is "YYYY-MM-DD",
 * {@code timestamp-millis} is epoch milliseconds, bytes are base64. Reading is strict: an unknown key, a wrong
 * type or an unknown enum symbol is an {@link InvalidJsonRecordException} naming the field.
 */
public final class PlainJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainJson() {}

    /** A JSON value that does not fit the schema. */
    public static final class InvalidJsonRecordException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidJsonRecordException(String message) {
            super(message);
        }
    }

    // ---- JSON -> Avro ------------------------------------------------------------------------------------

    public static GenericRecord toRecord(JsonNode json, Schema schema) throws InvalidJsonRecordException {
        return (GenericRecord) read(json, schema, "");
    }

    private static Object read(JsonNode json, Schema schema, String path) throws InvalidJsonRecordException {
        switch (schema.getType()) {
            case UNION:
                return readUnion(json, schema, path);
            case NULL:
                if (json == null || json.isNull()) {
                    return null;
                }
                throw invalid(path, "expected null");
            default:
                break;
        }
        if (json == null || json.isNull()) {
            throw invalid(path, "is required (not nullable)");
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Date) {
            if (!json.isTextual()) {
                throw invalid(path, "expected a date as \"YYYY-MM-DD\"");
            }
            try {
                return (int) LocalDate.parse(json.asText()).toEpochDay();
            } catch (DateTimeParseException e) {
                throw invalid(path, "is not a date as \"YYYY-MM-DD\": " + e.getParsedString());
            }
        }
        switch (schema.getType()) {
            case RECORD:
                return readRecord(json, schema, path);
            case ENUM:
                if (!json.isTextual()) {
                    throw invalid(path, "expected an enum symbol (a string)");
                }
                if (!schema.hasEnumSymbol(json.asText())) {
                    throw invalid(path, "unknown symbol '" + json.asText() + "' (expected one of " + schema.getEnumSymbols() + ")");
                }
                return new GenericData.EnumSymbol(schema, json.asText());
            case STRING:
                if (!json.isTextual()) {
                    throw invalid(path, "expected a string");
                }
                return json.asText();
            case BOOLEAN:
                if (!json.isBoolean()) {
                    throw invalid(path, "expected true or false");
                }
                return json.asBoolean();
            case INT:
                if (!json.isIntegralNumber() || !json.canConvertToInt()) {
                    throw invalid(path, "expected a 32-bit integer");
                }
                return json.asInt();
            case LONG:
                if (!json.isIntegralNumber() || !json.canConvertToLong()) {
                    throw invalid(path, "expected a 64-bit integer" + (logical != null ? " (epoch milliseconds)" : ""));
                }
                return json.asLong();
            case FLOAT:
            case DOUBLE:
                if (!json.isNumber()) {
                    throw invalid(path, "expected a number");
                }
                return schema.getType() == Schema.Type.FLOAT ? (Object) json.floatValue() : (Object) json.doubleValue();
            case BYTES:
                if (!json.isTextual()) {
                    throw invalid(path, "expected base64 bytes");
                }
                try {
                    return ByteBuffer.wrap(Base64.getDecoder().decode(json.asText()));
                } catch (IllegalArgumentException e) {
                    throw invalid(path, "is not valid base64");
                }
            case ARRAY:
                return readArray(json, schema, path);
            case MAP:
                return readMap(json, schema, path);
            default:
                throw invalid(path, "has unsupported type " + schema.getType());
        }
    }

    private static Object readUnion(JsonNode json, Schema union, String path) throws InvalidJsonRecordException {
        if (json == null || json.isNull()) {
            if (union.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)) {
                return null;
            }
            throw invalid(path, "is required (not nullable)");
        }
        InvalidJsonRecordException last = null;
        for (Schema branch : union.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                continue;
            }
            try {
                return read(json, branch, path);
            } catch (InvalidJsonRecordException e) {
                last = e;
            }
        }
        throw last != null ? last : invalid(path, "matches no branch of its union");
    }

    private static GenericRecord readRecord(JsonNode json, Schema schema, String path) throws InvalidJsonRecordException {
        if (!json.isObject()) {
            throw invalid(path, "expected an object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (schema.getField(name) == null) {
                throw invalid(join(path, name), "is not a field of " + schema.getName());
            }
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            String fieldPath = join(path, field.name());
            JsonNode value = json.get(field.name());
            if (value == null && field.hasDefaultValue()) {
                record.put(field.pos(), GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field)));
            } else if (value == null && !acceptsNull(field.schema())) {
                throw invalid(fieldPath, "is missing");
            } else {
                record.put(field.pos(), read(value, field.schema(), fieldPath));
            }
        }
        return record;
    }

    private static List<Object> readArray(JsonNode json, Schema schema, String path) throws InvalidJsonRecordException {
        if (!json.isArray()) {
            throw invalid(path, "expected an array");
        }
        List<Object> items = new GenericData.Array<>(json.size(), schema);
        int i = 0;
        for (JsonNode item : json) {
            items.add(read(item, schema.getElementType(), path + "[" + i++ + "]"));
        }
        return items;
    }

    private static Map<String, Object> readMap(JsonNode json, Schema schema, String path) throws InvalidJsonRecordException {
        if (!json.isObject()) {
            throw invalid(path, "expected an object (map)");
        }
        Map<String, Object> map = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            map.put(entry.getKey(), read(entry.getValue(), schema.getValueType(), path + "." + entry.getKey()));
        }
        return map;
    }

    private static boolean acceptsNull(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || (schema.getType() == Schema.Type.UNION
                    && schema.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL));
    }

    private static Schema nonNullBranch(Schema union) {
        Schema found = null;
        for (Schema branch : union.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                if (found != null) {
                    return null;
                }
                found = branch;
            }
        }
        return found;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static InvalidJsonRecordException invalid(String path, String problem) {
        return new InvalidJsonRecordException((path.isEmpty() ? "the record" : "field '" + path + "'") + " " + problem);
    }

    // ---- Avro -> JSON ------------------------------------------------------------------------------------

    public static ObjectNode toJson(GenericRecord record) {
        return (ObjectNode) write(record, record.getSchema());
    }

    private static JsonNode write(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (schema.getType() == Schema.Type.UNION) {
            Schema single = nonNullBranch(schema);
            return write(value, single != null ? single : schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
        }
        // Generated (specific) classes hold logical types as java.time values.
        if (value instanceof java.time.Instant instant) {
            return NODES.numberNode(instant.toEpochMilli());
        }
        if (value instanceof LocalDate date) {
            return NODES.textNode(date.toString());
        }
        if (schema.getLogicalType() instanceof LogicalTypes.Date && value instanceof Integer days) {
            return NODES.textNode(LocalDate.ofEpochDay(days).toString());
        }
        switch (schema.getType()) {
            case RECORD: {
                GenericRecord record = (GenericRecord) value;
                ObjectNode node = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    node.set(field.name(), write(record.get(field.pos()), field.schema()));
                }
                return node;
            }
            case ENUM:
                return NODES.textNode(value instanceof GenericEnumSymbol<?> symbol ? symbol.toString() : value.toString());
            case STRING:
                return NODES.textNode(value.toString());
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case INT:
                return NODES.numberNode((Integer) value);
            case LONG:
                return NODES.numberNode((Long) value);
            case FLOAT:
                return NODES.numberNode((Float) value);
            case DOUBLE:
                return NODES.numberNode((Double) value);
            case BYTES: {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(write(item, schema.getElementType()));
                }
                return array;
            }
            case MAP: {
                ObjectNode node = NODES.objectNode();
                Map<String, JsonNode> sorted = new LinkedHashMap<>();
                List<Map.Entry<?, ?>> entries = new ArrayList<>(((Map<?, ?>) value).entrySet());
                entries.sort((a, b) -> a.getKey().toString().compareTo(b.getKey().toString()));
                for (Map.Entry<?, ?> entry : entries) {
                    sorted.put(entry.getKey().toString(), write(entry.getValue(), schema.getValueType()));
                }
                node.setAll(sorted);
                return node;
            }
            default:
                return NODES.textNode(value.toString());
        }
    }
}
