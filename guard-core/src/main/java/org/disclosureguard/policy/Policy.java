package org.disclosureguard.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.policy.PolicyProblem.Check;
import org.disclosureguard.language.LanguageGate;
import org.disclosureguard.scan.ContentScanner;

/**
 * A validated, compiled screening policy: field actions by classification, record rules in CEL, the content
 * scan dictionary and the projection onto the enforcement schema, all checked against the contract schemas at
 * load. Immutable and thread-safe. A policy with any problem is refused as a whole ({@link PolicyException}).
 */
public final class Policy {
    public static final String BUNDLED_RESOURCE = "policy/default-policy.yaml";

    private final PolicyDocument document;
    private final String id;
    private final String version;
    private final FieldPlan fieldPlan;
    private final List<RecordRule> rules;
    private final RecordRule anyRule;
    private final ContentScanPlan contentScan;
    private final PolicyDocument.ContentScanSpec scanSpec;
    private final Projection projection;

    private Policy(PolicyDocument document, String id, String version, FieldPlan fieldPlan, List<RecordRule> rules, RecordRule anyRule,
                   ContentScanPlan contentScan, PolicyDocument.ContentScanSpec scanSpec, Projection projection) {
        this.document = document;
        this.id = id;
        this.version = version;
        this.fieldPlan = fieldPlan;
        this.rules = rules;
        this.anyRule = anyRule;
        this.contentScan = contentScan;
        this.scanSpec = scanSpec;
        this.projection = projection;
    }

    /** The policy shipped in the jar. */
    public static Policy bundled() {
        return load(null);
    }

    /** Loads a policy file, or the bundled policy when {@code file} is null. */
    public static Policy load(Path file) {
        return compile(readDocument(file), SchemaCatalog.bundled(), file == null ? BUNDLED_RESOURCE : file.toString());
    }

    /** The document of a policy file, or of the bundled policy when {@code file} is null, parsed but not compiled. */
    public static PolicyDocument readDocument(Path file) {
        if (file == null) {
            try (InputStream in = Policy.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled policy " + BUNDLED_RESOURCE + " is missing from the jar");
                }
                return parse(in, BUNDLED_RESOURCE);
            } catch (IOException e) {
                throw PolicyException.document(BUNDLED_RESOURCE, e.getMessage());
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw PolicyException.document(file.toString(), "cannot read it: " + e);
        }
    }

    public static PolicyDocument parse(InputStream in, String source) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return yaml.readValue(in, PolicyDocument.class);
        } catch (JacksonException e) {
            throw PolicyException.document(source, e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw PolicyException.document(source, "cannot read it: " + e);
        }
    }

    /** Validates and compiles a policy document against the contract schemas; every problem is reported at once. */
    public static Policy compile(PolicyDocument doc, SchemaCatalog catalog, String source) {
        List<PolicyProblem> problems = new ArrayList<>();
        require(doc.id(), "id", problems);
        require(doc.version(), "version", problems);
        Map<String, PolicyDocument.ClassificationPolicy> classifications =
                doc.classifications() == null ? Map.of() : doc.classifications();
        classifications.forEach((name, policy) -> {
            if (policy != null && policy.action() != null && policy.action() != Action.PASS
                    && policy.action() != Action.SCAN && isBlank(policy.explanation())) {
                problems.add(new PolicyProblem(Check.CLASSIFICATION, "classification '" + name + "' drops or holds but has no explanation for reviewers"));
            }
        });
        Schema input = catalog.current(SchemaCatalog.CASE_RECORD_EVENT);
        Set<String> neverForward = new HashSet<>(doc.neverForward() == null ? List.of() : doc.neverForward());
        if (!neverForward.contains("therapy")) {
            problems.add(new PolicyProblem(Check.CLASSIFICATION, "neverForward must include 'therapy'"));
        }
        Map<String, FieldShape> shapes = FieldShapes.compile(doc.fieldShapes(), problems);
        FieldPlan plan = FieldPlan.build(input, classifications, shapes, neverForward, problems);
        Cel cel = celFor(input);
        List<RecordRule> rules = compileRules(cel, doc.rules() == null ? List.of() : doc.rules(), input,
                plan.classifications().keySet(), problems);
        RecordRule anyRule = problems.isEmpty() ? combine(cel, rules) : null;

        ContentScanPlan contentScan = null;
        PolicyDocument.ContentScanSpec scan = doc.contentScan();
        boolean anyScan = plan.checks().stream().anyMatch(c -> c.action() == Action.SCAN || c.forwardedString());
        if (scan == null) {
            if (anyScan) {
                problems.add(new PolicyProblem(Check.DICTIONARY, "fields are scanned but the policy has no contentScan section"));
            }
        } else {
            contentScan = ContentScanPlan.compile(scan, problems);
        }
        if (doc.fieldShapes() == null && plan.checks().stream().anyMatch(c -> c.shape() != null)) {
            problems.add(new PolicyProblem(Check.SHAPE, "fields declare shapes but the policy has no fieldShapes section"));
        }

        Projection projection = Projection.build(input, catalog.current(SchemaCatalog.ENFORCEMENT_CASE_EVENT),
                plan, neverForward, problems);
        if (!problems.isEmpty()) {
            throw new PolicyException(source, problems);
        }
        return new Policy(doc, doc.id(), doc.version(), plan, List.copyOf(rules), anyRule, contentScan, scan, projection);
    }

    private static Cel celFor(Schema input) {
        // The strings extension (lowerAscii, contains ...) and cel.bind, for rules that read free text cheaply.
        CelBuilder builder = CelFactory.standardCelBuilder().setResultType(SimpleType.BOOL)
                .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(dev.cel.extensions.CelExtensions.strings(), dev.cel.extensions.CelExtensions.bindings())
                .addRuntimeLibraries(dev.cel.extensions.CelExtensions.strings());
        for (Schema.Field field : input.getFields()) {
            builder.addVar(field.name(), CelValues.typeOf(field.schema()));
        }
        return builder.build();
    }

    /**
     * One program for "does any rule match": most records match none, and one evaluation is far cheaper than
     * one per rule. CEL's || is false only when every branch is false without error, so a false answer is exact.
     */
    private static RecordRule combine(Cel cel, List<RecordRule> rules) {
        if (rules.isEmpty()) {
            return null;
        }
        String condition = rules.stream().map(r -> "(" + r.condition() + ")").collect(java.util.stream.Collectors.joining(" || "));
        try {
            return new RecordRule("any-rule", condition, "any record rule", null, cel.createProgram(cel.compile(condition).getAst()));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("rules that compile one by one must compile together", e);
        }
    }

    private static List<RecordRule> compileRules(Cel cel, List<PolicyDocument.RuleSpec> specs, Schema input,
                                                 Set<String> knownPaths, List<PolicyProblem> problems) {
        List<RecordRule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (PolicyDocument.RuleSpec spec : specs) {
            String label = "rule '" + spec.id() + "'";
            if (isBlank(spec.id())) {
                problems.add(new PolicyProblem(Check.RULE, "a rule has no id"));
                continue;
            }
            if (!ids.add(spec.id())) {
                problems.add(new PolicyProblem(Check.RULE, label + " is defined twice"));
            }
            if (isBlank(spec.condition()) || isBlank(spec.explanation())) {
                problems.add(new PolicyProblem(Check.RULE, label + " needs a condition and an explanation"));
                continue;
            }
            CelValidationResult compiled = cel.compile(spec.condition());
            if (compiled.hasError()) {
                problems.add(new PolicyProblem(Check.RULE, label + " does not compile: " + compiled.getErrorString()));
                continue;
            }
            try {
                CelAbstractSyntaxTree ast = compiled.getAst();
                List<String> wrong = new ArrayList<>();
                Set<String> unknown = RuleFieldReferences.unknownPaths(ast, input, knownPaths);
                if (!unknown.isEmpty()) {
                    wrong.add("it reads " + String.join(", ", unknown) + ", which the input schema does not have");
                }
                // CEL lets a dyn result stand where a bool is asked for; at run time a non-bool would hold every
                // record (rule.evaluation-error). A rule must be a bool by its types, not by luck.
                if (!SimpleType.BOOL.equals(ast.getResultType())) {
                    wrong.add("it yields " + ast.getResultType().name() + ", not bool (compare the value instead, e.g. "
                            + "author.role == 'CLINICIAN', or test it, e.g. incident != null)");
                }
                if (!wrong.isEmpty()) {
                    wrong.forEach(w -> problems.add(new PolicyProblem(Check.RULE, label + " does not compile: " + w)));
                    continue;
                }
                rules.add(new RecordRule(spec.id(), spec.condition(), spec.explanation(), spec.legalBasis(),
                        cel.createProgram(ast)));
            } catch (CelValidationException | CelEvaluationException e) {
                problems.add(new PolicyProblem(Check.RULE, label + " cannot be planned: " + e.getMessage()));
            }
        }
        return rules;
    }

    static void require(String value, String name, List<PolicyProblem> problems) {
        if (isBlank(value)) {
            problems.add(new PolicyProblem(Check.DOCUMENT, "'" + name + "' is required"));
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The policy as written, for comparing versions ({@link PolicyWidening}). */
    public PolicyDocument document() {
        return document;
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public FieldPlan fieldPlan() {
        return fieldPlan;
    }

    public List<RecordRule> rules() {
        return rules;
    }

    /** All rules as one program (true if any rule would match, or when some rule fails); null without rules. */
    public RecordRule anyRule() {
        return anyRule;
    }

    /** The free-text scanner, or null when no field is scanned. */
    public ContentScanner scanner() {
        return contentScan == null ? null : contentScan.scanner();
    }

    /** The language check of free text, or null when the policy names no covered language. */
    public LanguageGate languageGate() {
        return contentScan == null ? null : contentScan.languageGate();
    }

    /** The text classifier and its threshold, or null when the policy has none. */
    public ClassifierPlan classifier() {
        return contentScan == null ? null : contentScan.classifier();
    }

    /** Why unreadable text of this kind is held, as reviewers read it; null without a contentScan section. */
    public PolicyDocument.ReasonSpec holdReason(TextHold hold) {
        return contentScan == null ? null : contentScan.holdReasons().get(hold);
    }

    /** The fieldShapes section (its rule id, explanation and legal basis), or null. */
    public PolicyDocument.FieldShapesSpec fieldShapes() {
        return document.fieldShapes();
    }

    public PolicyDocument.ContentScanSpec contentScan() {
        return scanSpec;
    }

    public Projection projection() {
        return projection;
    }
}
