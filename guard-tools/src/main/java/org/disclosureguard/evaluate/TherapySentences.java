package org.disclosureguard.evaluate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Sentences that retell what a child said in therapy, the way case notes and incident reports actually do, in
 * English and Spanish. Each template names therapy with exactly one dictionary term (the part in brackets) and
 * nothing else a scanner could hold on to, so whether the record is caught depends on that term alone: that is
 * what the disguises attack. {@code {d}} is filled with a disclosure.
 */
final class TherapySentences {
    /** A retelling split around its therapy term: {@code lead + term + tail} is the sentence. */
    record Sentence(String lead, String term, String tail) {
        String with(String termText) {
            return lead + termText + tail;
        }
    }

    private static final List<String> ENGLISH = List.of(
            "During [counseling] the youth disclosed that {d}.",
            "Youth told his [therapist] that {d}.",
            "In [therapy] this week the youth shared that {d}.",
            "Per the [psychologist], the youth reported that {d}.",
            "The youth's [counselor] relayed that {d}.",
            "Youth later repeated to his case manager what he had said in [therapy]: {d}.",
            "According to the [clinician], the youth admitted that {d}.",
            "At his weekly [counseling] appointment the youth revealed that {d}.",
            "The [psychiatrist] noted that the youth said {d}.",
            "After meeting with his [therapist], the youth told staff that {d}.",
            "Youth mentioned in group [therapy] that {d}.",
            "The [counselor] informed the case manager that {d}.",
            "As discussed with his [therapist], {d}.",
            "Youth confided to his [counselor] that {d}.",
            "In a [therapy] appointment on Tuesday the youth explained that {d}.",
            "The youth's [psychologist] wrote that {d}.",
            "While in [counseling], the youth acknowledged that {d}.",
            "Youth's disclosure to the [therapist]: {d}.");
    private static final List<String> SPANISH = List.of(
            "Le contó a su [terapeuta] que {d}.",
            "En la cita de [terapia] el joven relató que {d}.",
            "Según la [psicóloga], la joven dijo que {d}.",
            "Durante la [consejería] el joven reveló que {d}.",
            "El joven le confesó a su [consejero] que {d}.",
            "En [terapia] de grupo la joven compartió que {d}.",
            "La [terapeuta] informó que el joven le dijo que {d}.",
            "El [psicólogo] anotó que la joven contó que {d}.",
            "El joven repitió a la trabajadora social lo que había dicho en [terapia]: que {d}.",
            "De acuerdo con el [psiquiatra], el joven admitió que {d}.",
            "Tras su cita con la [consejera], la joven comentó que {d}.",
            "En la cita con su [terapeuta] el joven reconoció que {d}.",
            "La joven dijo en [consejería] que {d}.",
            "El joven contó a su [psicóloga] que {d}.",
            "Durante la [terapia] individual, el joven expresó que {d}.",
            "Según lo que compartió con su [terapeuta], {d}.");
    private static final List<String> ENGLISH_DISCLOSURES = List.of(
            "he was recruited by a gang at 13",
            "he sold drugs for a gang in Honduras before he left",
            "an uncle beat him when he refused to work",
            "he carried packages for the cartel near the border",
            "he witnessed a killing in his town",
            "the smuggler threatened him during the crossing",
            "he has used marijuana since he was 12",
            "he stole food from a market in his home country",
            "he is afraid of the men who killed his cousin",
            "he was forced to act as a lookout for the gang",
            "his stepfather hit him and his mother",
            "he owes money to the people who brought him north");
    private static final List<String> SPANISH_DISCLOSURES = List.of(
            "vendía drogas para una pandilla",
            "su padrastro lo golpeaba",
            "lo obligaron a vigilar para la mara",
            "vio cómo mataron a un vecino",
            "el coyote lo amenazó durante el cruce",
            "consumía marihuana desde los doce años",
            "robaba comida en el mercado de su pueblo",
            "tiene miedo de los hombres que mataron a su primo",
            "cargaba paquetes para el cartel en la frontera",
            "la pandilla lo reclutó a los trece años",
            "le debe dinero a la gente que lo trajo al norte");

    private TherapySentences() {}

    /** All templates, English then Spanish (for corpus checks). */
    static List<String> templates() {
        List<String> all = new java.util.ArrayList<>(ENGLISH);
        all.addAll(SPANISH);
        return all;
    }

    /** A random retelling, English or Spanish with equal odds. */
    static Sentence pick(SplittableRandom random) {
        boolean english = random.nextBoolean();
        List<String> templates = english ? ENGLISH : SPANISH;
        List<String> disclosures = english ? ENGLISH_DISCLOSURES : SPANISH_DISCLOSURES;
        String template = templates.get(random.nextInt(templates.size()));
        return parse(template.replace("{d}", disclosures.get(random.nextInt(disclosures.size()))));
    }

    /** Every template with every disclosure of its language (for corpus checks). */
    static List<Sentence> all() {
        List<Sentence> sentences = new java.util.ArrayList<>();
        for (String template : ENGLISH) {
            ENGLISH_DISCLOSURES.forEach(d -> sentences.add(parse(template.replace("{d}", d))));
        }
        for (String template : SPANISH) {
            SPANISH_DISCLOSURES.forEach(d -> sentences.add(parse(template.replace("{d}", d))));
        }
        return sentences;
    }

    private static Sentence parse(String text) {
        int open = text.indexOf('[');
        int close = text.indexOf(']', open);
        if (open < 0 || close < 0) {
            throw new IllegalStateException("template without a [term]: " + text);
        }
        return new Sentence(text.substring(0, open), text.substring(open + 1, close), text.substring(close + 1));
    }
}
