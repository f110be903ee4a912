package org.disclosureguard.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
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
    private final String sha256;

    private TherapyTextModel(List<String> features, List<Long> keys, List<Float> featureWeights, double bias, String sha256) {
        // The smallest power of two at least 1.25 times the features: a load under 0.8, probes within a cache line or two.
        int capacity = Integer.highestOneBit(Math.max(16, features.size() + features.size() / 4) - 1) * 2;
        this.table = new long[capacity];
        this.names = new String[capacity];
        this.mask = capacity - 1;
        this.bias = bias;
        this.size = features.size();
        this.sha256 = sha256;
        for (int i = 0; i < features.size(); i++) {
            long key = keys.get(i);
            int slot = slot(key);
            if (table[slot] != 0) {
                throw new IllegalArgumentException("feature '" + features.get(i) + "' is listed twice (or collides with '"
                        + names[slot] + "')");
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
                        byte[] bytes = in.readAllBytes();
                        model = read(new StringReader(new String(bytes, StandardCharsets.UTF_8)), sha256(bytes));
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
        return read(reader, "");
    }

    private static TherapyTextModel read(Reader reader, String sha256) throws IOException {
        List<String> features = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
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
                    if (bias != null) {
                        throw new IllegalArgumentException("a second bias line");
                    }
                    bias = Double.parseDouble(right);
                } else {
                    float weight = Float.parseFloat(left);
                    if (!Float.isFinite(weight)) {
                        throw new NumberFormatException("not finite");
                    }
                    keys.add(keyOf(right)); // checks the feature's shape too
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
        return new TherapyTextModel(features, keys, featureWeights, bias, sha256);
    }

    /** The SHA-256 of the model file, in hex, for the built-in model; empty for a model read from a reader. */
    public String sha256() {
        return sha256;
    }

    /** The SHA-256 of a model file's bytes, in lower-case hex, as the policy's {@code modelSha256} names it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** How many features the model weighs. */
    public int size() {
        return size;
    }

    /** The key of a feature as a model file writes it: one folded word, or two separated by one space. */
    public static long keyOf(String feature) {
        int space = feature.indexOf(' ');
        if (feature.isEmpty() || space == 0 || space == feature.length() - 1 || space >= 0 && feature.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("a feature is one word or two, separated by one space: '" + feature + "'");
        }
        if (space < 0) {
            return FoldedWords.hash(feature);
        }
        return FoldedWords.pair(FoldedWords.hash(feature.substring(0, space)), FoldedWords.hash(feature.substring(space + 1)));
    }

    /**
     * The score of a record's texts: the highest of the whole record's score, each text's own score when there are
     * several, and the score of every run of {@link #WINDOW_SENTENCES} sentences of a longer text. A score is the bias
     * plus the weight of every feature present (once, however often it occurs). The windows are why padding does
     * not help: a disclosure followed by a page of football, or beside a field about physical therapy, scores as it
     * would alone, not diluted by the other text's negative weights. Linear in the length of the texts; never throws
     * on any text.
     */
    public double score(List<? extends CharSequence> texts) {
        Scratch work = read(texts);
        return best(work).score;
    }

    /** The score of {@link #score} with the heaviest positive features of the span that gave it, for a reviewer. */
    public Score explain(List<? extends CharSequence> texts) {
        Scratch work = read(texts);
        Span best = best(work);
        List<Integer> positive = new ArrayList<>();
        sum(work, best.firstEntry, best.lastEntry, best.fromWord, positive);
        positive.sort(Comparator.comparingDouble(slot -> -weight(table[slot])));
        List<Contribution> strongest = new ArrayList<>(STRONGEST);
        for (int i = 0; i < Math.min(STRONGEST, positive.size()); i++) {
            int slot = positive.get(i);
            strongest.add(new Contribution(names[slot], weight(table[slot])));
        }
        return new Score(best.score, List.copyOf(strongest));
    }

    private Scratch read(List<? extends CharSequence> texts) {
        Scratch work = scratch.get();
        work.clear();
        for (CharSequence text : texts) {
            work.addText(text, this);
        }
        return work;
    }

    /** A scored span: its entries [first, last) and the word it starts at (a pair straddling that word is out). */
    private record Span(double score, int firstEntry, int lastEntry, int fromWord) {}

    private Span best(Scratch work) {
        Span best = new Span(sum(work, 0, work.count, 0, null), 0, work.count, 0);
        int texts = work.texts();
        for (int t = 0; t < texts; t++) {
            int first = work.textFirst[t];
            int last = work.textFirst[t + 1];
            if (texts > 1) {
                best = better(best, new Span(sum(work, first, last, 0, null), first, last, 0));
            }
            int[] sentenceWords = work.sentenceWords(t);
            int[] sentenceEntries = work.sentenceEntries(t);
            for (int s = 0; sentenceWords.length > WINDOW_SENTENCES && s + WINDOW_SENTENCES <= sentenceWords.length; s++) {
                int end = s + WINDOW_SENTENCES < sentenceWords.length ? sentenceEntries[s + WINDOW_SENTENCES] : last;
                best = better(best, new Span(sum(work, sentenceEntries[s], end, sentenceWords[s], null),
                        sentenceEntries[s], end, sentenceWords[s]));
            }
        }
        return best;
    }

    private static Span better(Span a, Span b) {
        return b.score > a.score ? b : a;
    }

    /** How many sentences a window of a long text holds: about what one training record holds. */
    static final int WINDOW_SENTENCES = 3;
    /** A run of words without a sentence end is cut into sentences this long (dictated notes have no full stops). */
    static final int MAX_SENTENCE_WORDS = 40;

    /**
     * The bias plus the weights of the distinct features among entries [{@code first}, {@code last}), but a pair
     * that ends at word {@code fromWord} (its first word is before the span). Adds the slots of the positive ones to
     * {@code positive} when it is not null.
     */
    private double sum(Scratch work, int first, int last, int fromWord, List<Integer> positive) {
        int stamp = work.nextStamp();
        double total = bias;
        for (int e = first; e < last; e++) {
            if (work.pair[e] && work.word[e] == fromWord) {
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
     * one of {@link #SENTENCE_ENDS}, or after {@link #MAX_SENTENCE_WORDS} words without one.
     */
    static int[] sentenceStarts(CharSequence text, FoldedWords words) {
        int[] starts = new int[Math.max(1, words.count())];
        int count = 1; // the first sentence starts at word 0
        for (int i = 1; i < words.count(); i++) {
            if (i - starts[count - 1] >= MAX_SENTENCE_WORDS) {
                starts[count++] = i;
                continue;
            }
            for (int at = words.end(i - 1); at < words.start(i); at++) {
                if (SENTENCE_ENDS.indexOf(text.charAt(at)) >= 0) {
                    starts[count++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** Full stop, question and exclamation marks (Latin, full-width, Arabic, Devanagari, CJK), semicolon, ellipsis, line and paragraph breaks. */
    private static final String SENTENCE_ENDS = ".!?;\n\r\u2026\u2028\u2029\u061f\u06d4\u0964\u3002\uff01\uff0e\uff1f\uff1b";

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
        /** Past this many entries a record's arrays are let go after use, not kept for the thread's life. */
        private static final int KEPT_ENTRIES = 1 << 16;

        final int[] stamps;
        private int stamp;
        int[] word = new int[256];
        boolean[] pair = new boolean[256];
        int[] slot = new int[256];
        int count;
        int[] textFirst = new int[4];
        /** Per text: the first word of each sentence, and the first entry at or after it. */
        private final List<int[]> sentenceWords = new ArrayList<>();
        private final List<int[]> sentenceEntries = new ArrayList<>();
        private int texts;

        Scratch(int capacity) {
            stamps = new int[capacity];
        }

        void clear() {
            if (word.length > KEPT_ENTRIES) {
                word = new int[256];
                pair = new boolean[256];
                slot = new int[256];
            }
            count = 0;
            texts = 0;
            sentenceWords.clear();
            sentenceEntries.clear();
        }

        int texts() {
            return texts;
        }

        int nextStamp() {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(stamps, 0);
                stamp = 1;
            }
            return stamp;
        }

        int[] sentenceWords(int text) {
            return sentenceWords.get(text);
        }

        int[] sentenceEntries(int text) {
            return sentenceEntries.get(text);
        }

        void addText(CharSequence text, TherapyTextModel model) {
            if (texts + 2 > textFirst.length) {
                textFirst = Arrays.copyOf(textFirst, textFirst.length * 2);
            }
            int first = count;
            textFirst[texts] = first;
            FoldedWords words = FoldedWords.of(text);
            for (int i = 0; i < words.count(); i++) {
                add(i, false, model.find(words.hash(i)));
                if (i > 0) {
                    add(i, true, model.find(FoldedWords.pair(words.hash(i - 1), words.hash(i))));
                }
            }
            int[] starts = TherapyTextModel.sentenceStarts(text, words);
            int[] entries = new int[starts.length];
            int e = first;
            for (int s = 0; s < starts.length; s++) {
                while (e < count && word[e] < starts[s]) {
                    e++;
                }
                entries[s] = e;
            }
            sentenceWords.add(starts);
            sentenceEntries.add(entries);
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
