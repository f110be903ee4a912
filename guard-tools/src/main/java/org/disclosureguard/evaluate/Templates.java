package org.disclosureguard.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A template file of the multilingual corpora (resources {@code evaluate/templates-*.yaml}): per language, the
 * disclosures, the therapy-derived retellings (plain, clinical jargon, provenance) with a {@code {d}} placeholder,
 * and benign sentences by kind; plus complete retellings in languages the guard has no dictionary for. The
 * templates were written by people who did not see the dictionary, and the held-out file by others again.
 */
final class Templates {
    private final JsonNode root;

    private Templates(JsonNode root) {
        this.root = root;
    }

    static Templates load(String resource) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template file " + resource);
            }
            Templates templates = new Templates(new ObjectMapper(new YAMLFactory()).readTree(in));
            templates.check(resource);
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template file " + resource, e);
        }
    }

    /**
     * Fails on a file that cannot make every class: a language without disclosures or without one of the therapy or
     * benign kinds (a corpus class would wait forever for a sentence), or a retelling without exactly one {d}.
     */
    private void check(String resource) {
        List<String> problems = new ArrayList<>();
        for (String language : MultilingualCorpus.LANGUAGES) {
            if (disclosures(language).isEmpty()) {
                problems.add(language + ".disclosures is empty");
            }
            for (String kind : List.of("plain", "jargon", "provenance")) {
                List<String> retellings = therapy(language, kind);
                if (retellings.isEmpty()) {
                    problems.add(language + ".therapy." + kind + " is empty");
                }
                retellings.stream().filter(t -> t.split("\\{d}", -1).length != 2)
                        .forEach(t -> problems.add(language + ".therapy." + kind + " needs {d} exactly once: " + t));
            }
            for (String kind : MultilingualCorpus.BENIGN_KINDS) {
                if (benign(language, kind).isEmpty()) {
                    problems.add(language + ".benign." + kind + " is empty");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("template file " + resource + " cannot make its corpus: " + String.join("; ", problems));
        }
    }

    List<String> disclosures(String language) {
        return strings(root.path("languages").path(language).path("disclosures"));
    }

    List<String> therapy(String language, String kind) {
        return strings(root.path("languages").path(language).path("therapy").path(kind));
    }

    List<String> benign(String language, String kind) {
        return strings(root.path("languages").path(language).path("benign").path(kind));
    }

    /** Values for forwarded fields ("facilityName", "programType"), from whichever language lists them. */
    List<String> codes(String field) {
        List<String> values = new ArrayList<>();
        root.path("languages").forEach(language -> values.addAll(strings(language.path("codes").path(field))));
        return values;
    }

    List<String> uncovered() {
        return strings(root.path("uncovered"));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }
}
