package org.disclosureguard.policy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape a forwarded string field's value must have (a form number, a name, one of a known set): declared on
 * the schema field with the {@code "shape"} property, defined in the policy's {@code fieldShapes}. A value of
 * another shape (prose typed into a code field) holds the record.
 */
public record FieldShape(String name, String description, Pattern pattern, Set<String> values) {

    public static final String SCHEMA_PROPERTY = "shape";

    /** Whether the whole value fits: matches the pattern, or is one of the values (case-insensitive). */
    public boolean fits(CharSequence value) {
        if (pattern != null && !pattern.matcher(value).matches()) {
            return false;
        }
        return values == null || values.contains(normalizedValue(value.toString()));
    }

    /** Values are compared in lower case with '_' and '-' as spaces: "TRANSITIONAL_FOSTER_CARE" is "transitional foster care". */
    static String normalizedValue(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
    }
}
