package org.disclosureguard.evaluate;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.classify.TherapyTextModel;
import org.disclosureguard.contract.PlainJson;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.scan.FoldedWords;
import org.disclosureguard.screen.Screener;

/**
 * Trains the therapy-text model ({@link TherapyTextModel}) from labeled corpora:
 * logistic regression with AdaGrad over the folded words and word pairs of each record's prose, as the screen
 * collects it ({@link Screener#prose}), each feature counted once per record. Deterministic: the same corpora,
 * policy and settings give the same model file, byte for byte.
 *
 * <p>The threshold is chosen by cross-validation across writers: the records of each writer (a corpus class's
 * first segment, {@code tuning-b}, {@code tuning-c} ...) are scored by a model trained without them, and the
 * threshold is the lowest score that holds at most {@code maxFalseHoldRate} of those writers' benign records.
 * That is the question the model must answer in production: text by someone whose phrasing it never saw.
 */
public final class ClassifierTraining {

    /** How training runs; {@link #DEFAULTS} made the built-in model. */
    public record Settings(int epochs, double learningRate, double l2, int minRecords, double minWeight, long seed,
                           double maxFalseHoldRate) {

        /** These settings with another share of unseen writers' benign records the threshold may hold. */
        public Settings withMaxFalseHoldRate(double rate) {
            return new Settings(epochs, learningRate, l2, minRecords, minWeight, seed, rate);
        }
    }

    /** The default false-hold budget, in percent: declared once, for {@link #DEFAULTS} and train-classifier's option. */
    public static final String DEFAULT_MAX_FALSE_HOLDS_PERCENT = "0.2";

    public static final Settings DEFAULTS = new Settings(6, 0.5, 1e-6, 2, 0.05, 20261201L,
            Double.parseDouble(DEFAULT_MAX_FALSE_HOLDS_PERCENT) / 100);
    /** Thresholds are searched from here (a score without any feature is the bias, which is about 0) ... */
    private static final double MIN_SEARCHED = 1.0;
    /** ... to here. */
    private static final double MAX_SEARCHED = 30.0;

    /** One labeled record: its writer group, its prose and the names of its distinct features. */
    public record Example(boolean therapy, String group, List<String> texts, Set<String> features) {

        public static Example of(boolean therapy, String group, List<? extends CharSequence> texts) {
            List<String> strings = texts.stream().map(CharSequence::toString).toList();
            return new Example(therapy, group, strings, ClassifierTraining.features(texts));
        }
    }

    /** A trained model: the bias and the weight of each kept feature, by name. */
    public record Model(double bias, TreeMap<String, Double> weights) {

        double score(Set<String> features) {
            double total = bias;
            for (String feature : features) {
                Double weight = weights.get(feature);
                if (weight != null) {
                    total += weight;
                }
            }
            return total;
        }
    }

    /** The cross-validated figures at the chosen threshold. */
    public record Validation(double threshold, int therapy, int therapyHeld, int benign, int benignHeld, int groups) {}

    private final Settings settings;

    public ClassifierTraining(Settings settings) {
        this.settings = settings;
    }

    /**
     * Classes whose records are therapy-derived by their fields (a counseling-session event, a therapy source), not
     * by their text: their free text is a routine note, and a text model that learned it as therapy held the same
     * routine notes when they came alone ("El joven participó en la clase de inglés y habló por teléfono con su
     * hermana." is the whole text of 26 such records). The rules hold them; the text model does not learn from them.
     */
    static final Set<String> SET_BY_FIELDS = Set.of(CorpusGenerator.STRUCTURAL, CorpusGenerator.PROVENANCE);

    /** The examples of labeled corpora (but {@link #SET_BY_FIELDS}), their prose read by the policy's own screen. */
    public static List<Example> examples(Policy policy, List<Path> corpora) throws IOException {
        Screener screener = new Screener(policy);
        Schema schema = SchemaCatalog.bundled().current(SchemaCatalog.CASE_RECORD_EVENT);
        List<Example> examples = new ArrayList<>();
        for (Path corpus : corpora) {
            List<CorpusLine> lines = CorpusFile.read(corpus);
            for (int i = 0; i < lines.size(); i++) {
                CorpusLine line = lines.get(i);
                if (SET_BY_FIELDS.contains(line.className())) {
                    continue;
                }
                GenericRecord record;
                try {
                    record = PlainJson.toRecord(line.record(), schema);
                } catch (PlainJson.InvalidJsonRecordException e) {
                    throw new InvalidCorpusException(corpus + ":" + (i + 1) + ": " + e.getMessage());
                }
                examples.add(Example.of(line.therapy(), group(line.className()), screener.prose(record)));
            }
        }
        return examples;
    }

    /** The writer of a class: "tuning-c/fr/plain" is writer tuning-c; classes without a writer prefix are the first. */
    static String group(String className) {
        int slash = className.indexOf('/');
        String first = slash < 0 ? className : className.substring(0, slash);
        return first.startsWith("tuning-") ? first : "tuning-a";
    }

    /**
     * The distinct feature names of some texts, as the model names them: words and word pairs, folded. Function
     * words count too: leaving out those of the five languages lowered recall across unseen writers at 0.2 % false
     * holds from 93.7 % to 89.7 % (the way a note retells, "told me that", is part of what it is).
     */
    static Set<String> features(List<? extends CharSequence> texts) {
        Set<String> features = new LinkedHashSet<>();
        for (CharSequence text : texts) {
            FoldedWords words = FoldedWords.of(text);
            String previous = null;
            for (int i = 0; i < words.count(); i++) {
                String word = words.folded(text, i);
                features.add(word);
                if (previous != null) {
                    features.add(previous + " " + word);
                }
                previous = word;
            }
        }
        return features;
    }

    /** A model trained on all the examples. */
    public Model train(List<Example> examples) {
        Map<String, Integer> records = new HashMap<>();
        for (Example example : examples) {
            example.features().forEach(f -> records.merge(f, 1, Integer::sum));
        }
        List<String> names = records.entrySet().stream()
                .filter(e -> e.getValue() >= settings.minRecords())
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[][] docs = new int[examples.size()][];
        for (int d = 0; d < docs.length; d++) {
            docs[d] = examples.get(d).features().stream().map(index::get).filter(i -> i != null)
                    .mapToInt(Integer::intValue).sorted().toArray();
        }
        double[] w = new double[names.size()];
        double[] squares = new double[names.size()];
        Arrays.fill(squares, 1e-8);
        // The bias is not learned: a text of words the model never saw must score 0, not the corpora's share of therapy.
        double bias = 0;
        int[] order = new int[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // The classes weigh the same: without a bias, words common to both (a routine line the corpora add to therapy
        // and benign records alike) would otherwise take on the share of therapy records and lean every note to it.
        long therapyCount = examples.stream().filter(Example::therapy).count();
        double benignWeight = therapyCount == 0 || therapyCount == examples.size() ? 1.0
                : (double) therapyCount / (examples.size() - therapyCount);
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int d : order) {
                double z = bias;
                for (int f : docs[d]) {
                    z += w[f];
                }
                double p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
                boolean therapy = examples.get(d).therapy();
                double gradient = (p - (therapy ? 1 : 0)) * (therapy ? 1 : benignWeight);
                for (int f : docs[d]) {
                    squares[f] += gradient * gradient;
                    w[f] -= settings.learningRate() * (gradient / Math.sqrt(squares[f]) + settings.l2() * w[f]);
                }
            }
        }
        TreeMap<String, Double> kept = new TreeMap<>();
        for (int i = 0; i < w.length; i++) {
            if (Math.abs(w[i]) >= settings.minWeight()) {
                kept.put(names.get(i), round(w[i]));
            }
        }
        return new Model(round(bias), kept);
    }

    /**
     * Leave-one-writer-out: each writer's records scored by a model trained on the others' records; the threshold
     * is the lowest (in steps of 0.5) at which at most {@code maxFalseHoldRate} of their benign records score.
     */
    public CrossValidation crossValidate(List<Example> examples, Consumer<String> progress) {
        List<String> groups = examples.stream().map(Example::group).distinct().sorted().toList();
        List<double[]> scored = new ArrayList<>(); // {therapy 1|0, score}
        for (String group : groups) {
            progress.accept("cross-validating: scoring " + group + " with a model trained on the other "
                    + (groups.size() - 1) + " writers");
            TherapyTextModel model = asRead(train(examples.stream().filter(e -> !e.group().equals(group)).toList()));
            for (Example example : examples) {
                if (example.group().equals(group)) {
                    scored.add(new double[] {example.therapy() ? 1 : 0, model.score(example.texts())});
                }
            }
        }
        int benign = (int) scored.stream().filter(s -> s[0] == 0).count();
        int therapy = scored.size() - benign;
        List<Validation> table = new ArrayList<>();
        Validation chosen = null;
        for (double threshold = MIN_SEARCHED; threshold <= MAX_SEARCHED; threshold += 0.5) {
            final double t = threshold;
            int benignHeld = (int) scored.stream().filter(s -> s[0] == 0 && s[1] >= t).count();
            int therapyHeld = (int) scored.stream().filter(s -> s[0] == 1 && s[1] >= t).count();
            Validation row = new Validation(threshold, therapy, therapyHeld, benign, benignHeld, groups.size());
            table.add(row);
            if (chosen == null && benignHeld <= settings.maxFalseHoldRate() * benign) {
                chosen = row;
            }
        }
        return new CrossValidation(chosen == null ? table.get(table.size() - 1) : chosen, chosen != null, table);
    }

    /**
     * The chosen threshold's figures (the highest searched when none holds few enough benign records: {@code met}
     * is then false), and those of every threshold searched.
     */
    public record CrossValidation(Validation chosen, boolean met, List<Validation> table) {}

    /** The model as the guard reads it from its file, so that validation scores exactly as the screen will. */
    static TherapyTextModel asRead(Model model) {
        try {
            StringWriter file = new StringWriter();
            write(model, List.of(), file);
            return TherapyTextModel.read(new StringReader(file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a model file {@link TherapyTextModel#read} reads. */
    public static void write(Model model, List<String> header, Writer out) throws IOException {
        for (String line : header) {
            out.write("# " + line + "\n");
        }
        out.write("bias\t" + format(model.bias()) + "\n");
        for (Map.Entry<String, Double> entry : model.weights().entrySet()) {
            out.write(format(entry.getValue()) + "\t" + entry.getKey() + "\n");
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
