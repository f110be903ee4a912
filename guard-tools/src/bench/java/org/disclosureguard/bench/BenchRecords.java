package org.disclosureguard.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.Incident;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.scan.ContentScanner;
import org.disclosureguard.screen.Screener;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.synthetic.CaseEventGenerator.Kind;

/**
 * The fixed, seeded record set every benchmark runs over: {@link #COUNT} case-record events of 1–2 KB in
 * single-object encoding. The structured parts and the mix of kinds come from {@link CaseEventGenerator} (so about
 * 4% of records retell a therapy session in their case notes, 5% carry a counseling block that is dropped, and
 * rules hold the counseling-sourced and clinician-written ones); the free text is replaced by a few hundred words
 * of routine case notes and incident narrative with the generator's own sentence buried in it, since real notes
 * are long and the short generator texts would flatter the scan.
 *
 * <p>With the default seed (measured when written): encoded size mean 1,541 B, min 1,085 B, max 1,981 B;
 * 1,178 free texts (1,024 case notes, 154 incident summaries) of mean 1,181 B UTF-8 (min 337, max 1,829), about
 * 200 words; decisions FORWARD 787, FORWARD_REDACTED 77 (55 counseling blocks, 22 extension attributes),
 * HOLD 160 (42 of them, 4.1%, for a therapy reference in the notes; the rest by record rules).
 */
public final class BenchRecords {
    /** A power of two, so benchmarks cycle through the set with a mask rather than a division. */
    public static final int COUNT = 1024;
    public static final long SEED = 20261101L;
    /** Target encoded size per record, drawn uniformly; the text stops one sentence short of it. */
    private static final int MIN_TARGET_BYTES = 1200;
    private static final int MAX_TARGET_BYTES = 2000;
    /** Of the incident text budget, the part that goes to the incident summary (the rest is case notes). */
    private static final double SUMMARY_SHARE = 0.6;

    private final List<Kind> kinds;
    private final byte[][] encoded;
    private final List<String> freeTexts;

    private BenchRecords(List<Kind> kinds, byte[][] encoded, List<String> freeTexts) {
        this.kinds = kinds;
        this.encoded = encoded;
        this.freeTexts = freeTexts;
    }

    /**
     * Builds the set and checks it against the policy's scanner: the text of a record is a therapy reference
     * exactly when its kind retells a session, so the routine vocabulary cannot skew the decision mix.
     */
    public static BenchRecords build(ContentScanner scanner) {
        CaseEventGenerator generator = new CaseEventGenerator(SEED);
        SplittableRandom random = new SplittableRandom(SEED * 31 + 7);
        CaseNoteWriter writer = new CaseNoteWriter(random);
        List<Kind> kinds = new ArrayList<>(COUNT);
        byte[][] encoded = new byte[COUNT][];
        List<String> texts = new ArrayList<>(2 * COUNT);
        for (int i = 0; i < COUNT; i++) {
            CaseEventGenerator.Generated generated = generator.next();
            CaseRecordEvent event = generated.event();
            int target = MIN_TARGET_BYTES + random.nextInt(MAX_TARGET_BYTES - MIN_TARGET_BYTES + 1);
            writeLongText(event, target, writer);
            checkScan(generated.kind(), event, scanner);
            kinds.add(generated.kind());
            encoded[i] = bytesOf(event);
            texts.add(event.getCaseNotes());
            if (event.getIncident() != null) {
                texts.add(event.getIncident().getSummary());
            }
        }
        return new BenchRecords(List.copyOf(kinds), encoded, List.copyOf(texts));
    }

    /** Replaces the short generator texts with long ones that end near {@code targetBytes} encoded. */
    private static void writeLongText(CaseRecordEvent event, int targetBytes, CaseNoteWriter writer) {
        String name = event.getChild().getFirstName();
        String noteSentence = event.getCaseNotes();
        Incident incident = event.getIncident();
        String summarySentence = incident == null ? null : incident.getSummary();
        event.setCaseNotes(null);
        if (incident != null) {
            incident.setSummary("");
        }
        int textBudget = targetBytes - bytesOf(event).length - 4; // 4: the length prefixes of the two texts
        if (incident == null) {
            event.setCaseNotes(writer.write(name, textBudget, noteSentence));
            return;
        }
        int summaryBudget = (int) (textBudget * SUMMARY_SHARE);
        incident.setSummary(writer.write(name, summaryBudget, summarySentence));
        event.setCaseNotes(writer.write(name, textBudget - summaryBudget, noteSentence));
    }

    private static void checkScan(Kind kind, CaseRecordEvent event, ContentScanner scanner) {
        boolean retold = kind == Kind.THERAPY_RETOLD_NOTE_EN || kind == Kind.THERAPY_RETOLD_NOTE_ES;
        boolean noteHit = scanner.matches(event.getCaseNotes());
        // An incident held anyway (a counseling-sourced one: "Youth said he was part of a gang before arriving.")
        // may be held by the scan as well, as a historical disclosure; a routine one may not.
        boolean summaryMayHit = "HOLD".equals(kind.expectedDecision());
        boolean summaryHit = event.getIncident() != null && !summaryMayHit
                && scanner.matches(event.getIncident().getSummary());
        if (noteHit != retold || summaryHit) {
            throw new IllegalStateException("bench text of a " + kind + " record scans as " + (noteHit || summaryHit)
                    + ": the routine vocabulary must avoid therapy terms. Text: " + event.getCaseNotes());
        }
    }

    private static byte[] bytesOf(CaseRecordEvent event) {
        return AvroBytes.of(event::toByteBuffer);
    }

    public int size() {
        return encoded.length;
    }

    /** The single-object encoded records (shared arrays: do not modify). */
    public byte[][] encoded() {
        return encoded.clone();
    }

    /** Every case-notes and incident-summary text of the set, in record order. */
    public List<String> freeTexts() {
        return freeTexts;
    }

    /** Decodes the whole set with {@code codec}, for benchmarks that start from decoded records. */
    public GenericRecord[] decoded(SingleObjectCodec codec) {
        GenericRecord[] records = new GenericRecord[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            try {
                records[i] = codec.decode(encoded[i]);
            } catch (UndecodableRecordException e) {
                throw new IllegalStateException("bench record " + i + " does not decode", e);
            }
        }
        return records;
    }

    /** Size statistics, the kind mix and the decisions the screener reaches: printed once per benchmark fork. */
    public String describe(Screener screener) {
        IntSummaryStatistics sizes = new IntSummaryStatistics();
        for (byte[] bytes : encoded) {
            sizes.accept(bytes.length);
        }
        IntSummaryStatistics textSizes = new IntSummaryStatistics();
        freeTexts.forEach(t -> textSizes.accept(CaseNoteWriter.utf8Length(t)));
        Map<Kind, Integer> kindMix = new EnumMap<>(Kind.class);
        kinds.forEach(k -> kindMix.merge(k, 1, Integer::sum));
        Map<String, Integer> decisions = new TreeMap<>();
        for (GenericRecord record : decoded(new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT))) {
            decisions.merge(screener.screen(record, 0L).decision().name(), 1, Integer::sum);
        }
        return String.format("bench records: %d, encoded bytes mean %.0f min %d max %d; free texts: %d, UTF-8 bytes"
                        + " mean %.0f min %d max %d%n  kinds: %s%n  decisions: %s",
                sizes.getCount(), sizes.getAverage(), sizes.getMin(), sizes.getMax(), textSizes.getCount(),
                textSizes.getAverage(), textSizes.getMin(), textSizes.getMax(), kindMix, decisions);
    }
}
