package org.disclosureguard.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes long, routine shelter case-note text (school, recreation, phone calls with family, sponsor assessment,
 * medical checks, in English with some Spanish) to a UTF-8 byte budget. The vocabulary deliberately avoids every
 * therapy term, so a note only refers to therapy when the caller inserts such a sentence; {@link BenchRecords}
 * checks that with the real scanner. Seeded: the same random state gives the same text. Not thread-safe.
 */
final class CaseNoteWriter {
    private static final List<String> DAYS = List.of("on Monday", "on Tuesday", "on Wednesday", "on Thursday",
            "on Friday", "this week", "today", "yesterday", "over the weekend", "this morning");
    private static final List<String> SCHOOL = List.of(
            "completed the math assessment with a good score",
            "participated well in English class and read aloud to the group",
            "finished the science worksheet on plants and turned in the homework",
            "worked on the geography project about rivers of Central America",
            "was placed in the intermediate reading group after the placement test",
            "asked the teacher for extra practice with fractions",
            "helped a newer classmate understand the classroom rules",
            "was absent for one period because of a legal appointment and made up the work");
    private static final List<String> SPORTS = List.of("soccer", "basketball", "volleyball", "table tennis",
            "board games", "chess", "kickball");
    private static final List<String> RECREATION = List.of(
            "followed the rules of the game without reminders",
            "helped staff put the equipment away afterwards",
            "said it was the best part of the day",
            "played on the same team as the youth from the other unit",
            "took a break to drink water as staff suggested",
            "asked whether there will be a tournament next month");
    private static final List<String> RELATIVES = List.of("mother", "father", "older sister", "grandmother",
            "aunt", "uncle", "cousin", "older brother");
    private static final List<String> PLACES = List.of("Guatemala", "Honduras", "El Salvador", "Houston",
            "Los Angeles", "Miami", "Chicago", "New Jersey");
    private static final List<String> CALLS = List.of(
            "the youth was in good spirits afterwards",
            "they talked about school and the weather at home",
            "the relative asked about the timeline for release",
            "the call ended early because of a poor connection and was rescheduled",
            "the youth asked staff to call again next week at the same time",
            "the relative confirmed the new phone number for future calls");
    private static final List<String> SPONSOR = List.of(
            "the potential sponsor submitted proof of address and a copy of the lease",
            "fingerprint appointment for the sponsor household was scheduled",
            "home study documents were requested from the sponsor",
            "the sponsor confirmed the relationship with a birth certificate",
            "the sponsor asked about school enrollment after release",
            "the sponsor care agreement was reviewed line by line with the sponsor");
    private static final List<String> MEDICAL = List.of(
            "vaccinations were updated and no acute concerns were found",
            "the nurse checked height and weight and both are in the normal range",
            "the youth was seen for a cold and given rest and fluids",
            "a dental check found one cavity and a follow-up visit was scheduled",
            "vision screening was normal",
            "the youth received new shoes after reporting blisters");
    private static final List<String> STAFF = List.of("Youth care staff", "The lead teacher", "The night shift",
            "The case manager", "The recreation coordinator", "The unit supervisor");
    private static final List<String> BEHAVIOUR = List.of(
            "followed the daily schedule and kept the room clean",
            "was respectful with peers and staff all week",
            "needed one reminder about the noise level after lights out",
            "volunteered to help in the dining room",
            "has made friends with two youth from the same region",
            "wrote a letter to the family and asked staff to mail it");
    private static final List<String> CASE_MANAGER = List.of(
            "reviewed the release plan and the next steps with the youth",
            "explained the family reunification timeline in the youth's preferred language",
            "updated the contact list with the sponsor's new phone number",
            "requested the birth certificate from the consulate",
            "confirmed the next legal service provider visit for Thursday",
            "uploaded the sponsor documents to the case file");
    private static final List<String> SPANISH = List.of(
            "El joven participó en la clase de inglés y habló por teléfono con su hermana.",
            "La joven jugó fútbol en la recreación y ayudó a recoger el equipo.",
            "Se llamó a la tía en Honduras; la llamada fue breve pero positiva.",
            "El joven preguntó cuándo podrá reunirse con su familia.",
            "La enfermera revisó las vacunas y todo está al día.",
            "El patrocinador envió el comprobante de domicilio y la copia del contrato de renta.");

    private final SplittableRandom random;

    CaseNoteWriter(SplittableRandom random) {
        this.random = random;
    }

    /**
     * Sentences about {@code name} until the next one would pass {@code utf8Budget} bytes (at least one);
     * {@code inserted}, if not null, is placed at a random sentence boundary, as a real note would bury it.
     */
    String write(String name, int utf8Budget, String inserted) {
        List<String> sentences = new ArrayList<>();
        int bytes = inserted == null ? 0 : utf8Length(inserted) + 1;
        while (true) {
            String sentence = sentence(name);
            int size = utf8Length(sentence) + 1;
            if (!sentences.isEmpty() && bytes + size > utf8Budget) {
                break;
            }
            sentences.add(sentence);
            bytes += size;
        }
        if (inserted != null) {
            sentences.add(random.nextInt(sentences.size() + 1), inserted);
        }
        return String.join(" ", sentences);
    }

    private String sentence(String name) {
        String subject = random.nextBoolean() ? name : "the youth";
        String opening = Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
        return switch (random.nextInt(10)) {
            case 0, 1 -> opening + " attended school " + pick(DAYS) + " and " + pick(SCHOOL) + ".";
            case 2 -> opening + " played " + pick(SPORTS) + " during recreation " + pick(DAYS) + " and "
                    + pick(RECREATION) + ".";
            case 3 -> opening + " had a " + (5 + random.nextInt(4) * 5) + "-minute phone call with the "
                    + pick(RELATIVES) + " in " + pick(PLACES) + "; " + pick(CALLS) + ".";
            case 4 -> "Sponsor assessment: " + pick(SPONSOR) + ".";
            case 5 -> "Medical check " + pick(DAYS) + ": " + pick(MEDICAL) + ".";
            case 6 -> pick(STAFF) + " reports that " + subject + " " + pick(BEHAVIOUR) + ".";
            case 7 -> "Case manager " + pick(CASE_MANAGER) + ".";
            default -> pick(SPANISH);
        };
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
