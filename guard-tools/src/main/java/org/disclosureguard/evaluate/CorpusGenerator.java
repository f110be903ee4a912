package org.disclosureguard.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.disclosureguard.contract.CaseRecordEvent;

/**
 * Writes the two labeled evaluation corpora. Deterministic: the same seed gives byte-identical files.
 *
 * <p>therapy-derived (must be held, or never cross):
 * <ul>
 *   <li>{@code structural}: a COUNSELING_SESSION event (with or without a counseling block), or a routine case
 *       note carrying a counseling block; provenance and text otherwise routine.</li>
 *   <li>{@code provenance}: routine text, but the information came from counseling or a mental-health
 *       assessment, or a clinician wrote it.</li>
 *   <li>{@code text-*}: a routine record (case manager; interview or staff observation) whose case notes or
 *       incident summary retell a therapy session, the therapy term wearing one {@link TermDisguise} per class.</li>
 *   <li>{@code text-split-fields}: the retelling cut inside its therapy term, the first part ending the case
 *       notes and the rest starting the incident summary.</li>
 * </ul>
 * lookalike-benign (must cross): the look-alike classes of {@link BenignTexts}, and {@code routine}.
 */
public final class CorpusGenerator {
    public static final long DEFAULT_SEED = 20_261_101L;
    public static final int DEFAULT_PER_CLASS = 50;
    public static final String THERAPY_FILE = "therapy-derived.jsonl";
    public static final String BENIGN_FILE = "lookalike-benign.jsonl";
    public static final String STRUCTURAL = "structural";
    public static final String PROVENANCE = "provenance";
    public static final String SPLIT_FIELDS = "text-split-fields";

    private final long seed;
    private final int perClass;
    private final UnaryOperator<String> termSwap;

    public CorpusGenerator() {
        this(DEFAULT_SEED, DEFAULT_PER_CLASS);
    }

    public CorpusGenerator(long seed, int perClass) {
        this(seed, perClass, UnaryOperator.identity());
    }

    private CorpusGenerator(long seed, int perClass, UnaryOperator<String> termSwap) {
        if (perClass < 1) {
            throw new IllegalArgumentException("records per class must be at least 1, not " + perClass);
        }
        this.seed = seed;
        this.perClass = perClass;
        this.termSwap = termSwap;
    }

    /**
     * The same corpora with every therapy term in free text replaced by {@code word} before it is disguised:
     * a check that the term, and nothing else in a text record, is what can get it held.
     */
    CorpusGenerator withTermReplacedBy(String word) {
        return new CorpusGenerator(seed, perClass, term -> word);
    }

    /** Therapy-derived classes, in the order the corpus lists them. */
    public static List<String> therapyClasses() {
        List<String> classes = new ArrayList<>(List.of(STRUCTURAL, PROVENANCE));
        for (TermDisguise disguise : TermDisguise.values()) {
            classes.add(disguise.className());
        }
        classes.add(SPLIT_FIELDS);
        return classes;
    }

    /** Benign classes, in the order the corpus lists them. */
    public static List<String> benignClasses() {
        List<String> classes = new ArrayList<>(BenignTexts.lookalikeClasses());
        classes.add(BenignTexts.ROUTINE);
        return classes;
    }

    /**
     * Writes every built-in corpus into {@code dir}: the English and Spanish evasion corpora (therapy-derived,
     * then benign) and the multilingual tuning and held-out splits ({@link MultilingualCorpus}); returns their paths.
     */
    public List<Path> writeTo(Path dir) throws IOException {
        Path therapy = dir.resolve(THERAPY_FILE);
        Path benign = dir.resolve(BENIGN_FILE);
        Path tuning = dir.resolve(MultilingualCorpus.TUNING_FILE);
        Path heldOut = dir.resolve(MultilingualCorpus.HELD_OUT_FILE);
        CorpusFile.write(therapy, therapyDerived());
        CorpusFile.write(benign, lookalikeBenign());
        CorpusFile.write(tuning, MultilingualCorpus.tuningLines());
        CorpusFile.write(heldOut, MultilingualCorpus.heldOutLines());
        return List.of(therapy, benign, tuning, heldOut);
    }

    public List<CorpusLine> therapyDerived() {
        List<CorpusLine> lines = new ArrayList<>();
        for (String className : therapyClasses()) {
            CorpusRecords records = recordsFor(className);
            for (int i = 0; i < perClass; i++) {
                lines.add(CorpusLine.of(CorpusLine.THERAPY, className, therapyRecord(className, i, records)));
            }
        }
        return lines;
    }

    public List<CorpusLine> lookalikeBenign() {
        List<CorpusLine> lines = new ArrayList<>();
        for (String className : benignClasses()) {
            CorpusRecords records = recordsFor(className);
            List<String> texts = BenignTexts.ROUTINE.equals(className) ? routineTexts() : BenignTexts.lookalikes(className);
            for (int i = 0; i < perClass; i++) {
                // Cycle through the texts so each one is measured; some share the record with a routine note.
                String text = withRoutineContext(texts.get(i % texts.size()), records.random(), 0.3);
                lines.add(CorpusLine.of(CorpusLine.BENIGN, className, records.benign(text)));
            }
        }
        return lines;
    }

    private CaseRecordEvent therapyRecord(String className, int index, CorpusRecords records) {
        SplittableRandom random = records.random();
        switch (className) {
            case STRUCTURAL:
                return switch (index % 3) {
                    case 0 -> records.counselingSessionEvent(true);
                    case 1 -> records.counselingSessionEvent(false);
                    default -> records.routineNoteWithCounselingBlock();
                };
            case PROVENANCE:
                return records.therapyProvenance(pick(routineTexts(), random));
            case SPLIT_FIELDS: {
                TherapySentences.Sentence sentence = TherapySentences.pick(random);
                String term = termSwap.apply(sentence.term());
                int cut = TermDisguise.innerCut(term, random);
                String notes = withRoutineContext(sentence.lead() + term.substring(0, cut), random, 0.5);
                return records.splitAcrossFields(notes, term.substring(cut) + sentence.tail());
            }
            default: {
                TermDisguise disguise = disguiseOf(className);
                TherapySentences.Sentence sentence = TherapySentences.pick(random);
                String text = sentence.with(disguise.apply(termSwap.apply(sentence.term()), random));
                return records.routineText(withRoutineContext(text, random, 0.5));
            }
        }
    }

    private static TermDisguise disguiseOf(String className) {
        for (TermDisguise disguise : TermDisguise.values()) {
            if (disguise.className().equals(className)) {
                return disguise;
            }
        }
        throw new IllegalArgumentException("no disguise for class " + className);
    }

    private CorpusRecords recordsFor(String className) {
        // Seeded per class: adding or resizing one class leaves the others' records unchanged.
        return new CorpusRecords(className, seed * 31 + className.hashCode());
    }

    private static List<String> routineTexts() {
        List<String> texts = new ArrayList<>(BenignTexts.ROUTINE_NOTES);
        texts.addAll(BenignTexts.ROUTINE_INCIDENTS);
        return texts;
    }

    /** Sometimes a routine sentence comes first, as in a note that covers the whole week. */
    private static String withRoutineContext(String text, SplittableRandom random, double share) {
        return random.nextDouble() < share ? pick(BenignTexts.ROUTINE_NOTES, random) + " " + text : text;
    }

    private static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }
}
