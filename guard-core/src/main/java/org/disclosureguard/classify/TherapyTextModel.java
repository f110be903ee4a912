package org.disclosureguard.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.disclosureguard.scan.FoldedWords;

/**
 * A linear model of how much a record's free text reads like a note retold from a therapy session: logistic
 * regression over the folded words and word pairs in it, each counted once per record. It catches what a
 * dictionary cannot list, the many ways writers nobody here knows phrase a session and a disclosure, and it is
 * explainable: a score is the sum of the weights of the words present, and the heaviest are named to the reviewer.
 *
 * <p>The model file is text, one feature per line ({@code weight<TAB>word} or {@code weight<TAB>word word}), plus a
 * {@code bias} line; {@code train-classifier} writes it from labeled corpora. Immutable and thread-safe.
 */
public final class TherapyTextModel {

    /** The model trained on the bundled corpora, on the class path. */
    public static final String BUILT_IN = "/classifier/therapy-text-model.tsv";
    /** How many of the heaviest present features a score names. */
    static final int STRONGEST = 6;

    private static volatile TherapyTextModel builtIn;

    /**
     * Open addressing, one long a slot: the key's upper 32 bits (its fingerprint, never 0) over the weight's float
     * bits, 0 for an empty slot. One array read per lookup: a scored word costs a cache miss or two, not four.
     */
    private final long[] table;
    /** The feature of each slot, read only to name the heaviest ones. */
    private final String[] names;
    private final int mask;
    private final double bias;
    private final int size;
    /** Per-thread scratch: which slots a span has counted (a stamp per slot), and the present features of a text. */
    private final ThreadLocal<Scratch> scratch;

    private TherapyTextModel(List<String> features, List<Float> featureWeights, double bias) {
        // The smallest power of two at least 1.25 times the features: a load under 0.8, probes within a cache line or two.
        int capacity = Integer.highestOneBit(Math.max(16, features.size() + features.size() / 4) - 1) * 2;
        this.table = new long[capacity];
        this.names = new String[capacity];
        this.mask = capacity - 1;
        this.bias = bias;
        this.size = features.size();
        for (int i = 0; i < features.size(); i++) {
            long key = keyOf(features.get(i));
            int slot = slot(key);
            if (table[slot] != 0) {
                throw new IllegalArgumentException("feature '" + features.get(i) + "' is listed twice (or collides with '"
                        + names[slot] + "')");
            }
            slot = (int) key & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = ((long) fingerprint(key) << 32) | (Float.floatToRawIntBits(featureWeights.get(i)) & 0xFFFFFFFFL);
            names[slot] = features.get(i);
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(capacity));
    }

    /** The bundled model, read once. */
    public static TherapyTextModel builtIn() {
        TherapyTextModel model = builtIn;
        if (model == null) {
            synchronized (TherapyTextModel.class) {
                model = builtIn;
                if (model == null) {
                    try (InputStream in = TherapyTextModel.class.getResourceAsStream(BUILT_IN)) {
                        if (in == null) {
                            throw new IllegalStateException("the built-in model " + BUILT_IN + " is not on the class path");
                        }
                        model = read(new InputStreamReader(in, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    builtIn = model;
                }
            }
        }
        return model;
    }

    /** Reads a model file; a malformed line is an {@link IllegalArgumentException} naming it. */
    public static TherapyTextModel read(Reader reader) throws IOException {
        List<String> features = new ArrayList<>();
        List<Float> featureWeights = new ArrayList<>();
        Double bias = null;
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("model line " + number + ": expected 'weight<TAB>feature' or 'bias<TAB>value'");
            }
            String left = line.substring(0, tab);
            String right = line.substring(tab + 1);
            try {
                if (left.equals("bias")) {
                    bias = Double.parseDouble(right);
                } else {
                    float weight = Float.parseFloat(left);
                    if (!Float.isFinite(weight)) {
                        throw new NumberFormatException("not finite");
                    }
                    keyOf(right); // checks the feature's shape
                    features.add(right);
                    featureWeights.add(weight);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model line " + number + ": " + e.getMessage(), e);
            }
        }
        if (bias == null || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("the model has no finite 'bias' line");
        }
        return new TherapyTextModel(features, featureWeights, bias);
    }

    /** How many features the model weighs. */
    public int size() {
        return size;
    }

    /** The key of a feature as a model file writes it: one folded word, or two separated by one space. */
    public static long keyOf(String feature) {
        int space = feature.indexOf(' ');
        if (space < 0) {
            return FoldedWords.hash(feature);
        }
        if (feature.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("a feature is one word or two: '" + feature + "'");
        }
        return FoldedWords.pair(FoldedWords.hash(feature.substring(0, space)), FoldedWords.hash(feature.substring(space + 1)));
    }

    /**
     * The score of a record's texts: the highest of the whole record's score, each text's own score when there are
     * several, and the score of every run of {@link #WINDOW_SENTENCES} sentences of a longer text. A score is the bias
     * plus the weight of every feature present (once, however often it occurs), with the heaviest positive ones
     * named. The windows are why padding does not help: a disclosure followed by a page of football, or beside a
     * field about physical therapy, scores as it would alone, not diluted by the other text's negative weights.
     * Never throws on any text.
     */
    public Score score(List<? extends CharSequence> texts) {
        Scratch work = scratch.get();
        work.clear();
        for (CharSequence text : texts) {
            work.addText(text, this);
        }
        int bestText = -1;
        int bestFrom = 0;
        int bestTo = Integer.MAX_VALUE;
        double best = sum(work, -1, 0, Integer.MAX_VALUE, null);
        for (int t = 0; t < texts.size(); t++) {
            int[] sentences = work.sentenceStarts(t);
            // A long text in windows; a short one beside other fields alone (its own single window).
            int windows = sentences.length > WINDOW_SENTENCES ? sentences.length - WINDOW_SENTENCES + 1 : texts.size() > 1 ? 1 : 0;
            for (int s = 0; s < windows; s++) {
                int to = s + WINDOW_SENTENCES < sentences.length ? sentences[s + WINDOW_SENTENCES] : Integer.MAX_VALUE;
                double window = sum(work, t, sentences[s], to, null);
                if (window > best) {
                    best = window;
                    bestText = t;
                    bestFrom = sentences[s];
                    bestTo = to;
                }
            }
        }
        List<Integer> positive = new ArrayList<>();
        sum(work, bestText, bestFrom, bestTo, positive);
        positive.sort(Comparator.comparingDouble(slot -> -weight(table[slot])));
        List<Contribution> strongest = new ArrayList<>(STRONGEST);
        for (int i = 0; i < Math.min(STRONGEST, positive.size()); i++) {
            int slot = positive.get(i);
            strongest.add(new Contribution(names[slot], weight(table[slot])));
        }
        return new Score(best, List.copyOf(strongest));
    }

    /** How many sentences a window of a long text holds: about what one training record holds. */
    static final int WINDOW_SENTENCES = 3;

    /**
     * The bias plus the weights of the distinct features of text {@code text} (-1: of every text) whose words lie
     * in [{@code from}, {@code to}); a pair counts when both its words do. Adds the slots of the positive ones to
     * {@code positive} when it is not null.
     */
    private double sum(Scratch work, int text, int from, int to, List<Integer> positive) {
        int stamp = work.nextStamp();
        double total = bias;
        int first = text < 0 ? 0 : work.textFirst[text];
        int last = text < 0 ? work.count : work.textFirst[text + 1];
        for (int e = first; e < last; e++) {
            int word = work.word[e];
            if (word < from || word >= to || work.pair[e] && word == from) {
                continue;
            }
            int slot = work.slot[e];
            if (work.stamps[slot] != stamp) {
                work.stamps[slot] = stamp;
                float weight = weight(table[slot]);
                total += weight;
                if (positive != null && weight > 0) {
                    positive.add(slot);
                }
            }
        }
        return total;
    }

    /**
     * The index of the first word of each sentence of a text: a sentence ends where the gap between two words holds
     * a full stop, a question or exclamation mark, a semicolon or a line break.
     */
    static int[] sentenceStarts(CharSequence text, FoldedWords words) {
        int[] starts = new int[Math.max(1, words.count())];
        int count = 1; // the first sentence starts at word 0
        for (int i = 1; i < words.count(); i++) {
            for (int at = words.end(i - 1); at < words.start(i); at++) {
                char c = text.charAt(at);
                if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\u3002') {
                    starts[count++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The slot holding {@code key}, or -1. */
    int find(long key) {
        int fingerprint = fingerprint(key);
        int slot = (int) key & mask;
        long entry;
        while ((entry = table[slot]) != 0) {
            if ((int) (entry >>> 32) == fingerprint) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The slot of a key already in the table, or the empty one where it would go. */
    private int slot(long key) {
        int found = find(key);
        if (found >= 0) {
            return found;
        }
        int slot = (int) key & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int fingerprint(long key) {
        int upper = (int) (key >>> 32);
        return upper == 0 ? 1 : upper;
    }

    private static float weight(long entry) {
        return Float.intBitsToFloat((int) entry);
    }

    /** A score and the heaviest features behind it. */
    public record Score(double value, List<Contribution> strongest) {

        /** "opened up (+2.10), nightmares (+1.75)": for the reviewer, never for the audit stream. */
        public String describeStrongest() {
            StringBuilder out = new StringBuilder();
            for (Contribution c : strongest) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(c.feature()).append(String.format(Locale.ROOT, " (+%.2f)", c.weight()));
            }
            return out.toString();
        }
    }

    /** One present feature and its weight. */
    public record Contribution(String feature, double weight) {}

    /**
     * One thread's scratch for one record: the model features present in its texts, in order (the word each ends
     * at, whether it is a pair, its slot), where each text's start, and a stamp per model slot to count each
     * feature once per span without clearing a table.
     */
    private static final class Scratch {
        final int[] stamps;
        private int stamp;
        int[] word = new int[256];
        boolean[] pair = new boolean[256];
        int[] slot = new int[256];
        int count;
        int[] textFirst = new int[4];
        private final List<int[]> sentences = new ArrayList<>();
        private int texts;

        Scratch(int capacity) {
            stamps = new int[capacity];
        }

        void clear() {
            count = 0;
            texts = 0;
            sentences.clear();
        }

        int nextStamp() {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(stamps, 0);
                stamp = 1;
            }
            return stamp;
        }

        int[] sentenceStarts(int text) {
            return sentences.get(text);
        }

        void addText(CharSequence text, TherapyTextModel model) {
            if (texts + 2 > textFirst.length) {
                textFirst = Arrays.copyOf(textFirst, textFirst.length * 2);
            }
            textFirst[texts] = count;
            FoldedWords words = FoldedWords.of(text);
            for (int i = 0; i < words.count(); i++) {
                add(i, false, model.find(words.hash(i)));
                if (i > 0) {
                    add(i, true, model.find(FoldedWords.pair(words.hash(i - 1), words.hash(i))));
                }
            }
            sentences.add(TherapyTextModel.sentenceStarts(text, words));
            texts++;
            textFirst[texts] = count;
        }

        private void add(int at, boolean isPair, int modelSlot) {
            if (modelSlot < 0) {
                return;
            }
            if (count == word.length) {
                word = Arrays.copyOf(word, count * 2);
                pair = Arrays.copyOf(pair, count * 2);
                slot = Arrays.copyOf(slot, count * 2);
            }
            word[count] = at;
            pair[count] = isPair;
            slot[count] = modelSlot;
            count++;
        }
    }
}
