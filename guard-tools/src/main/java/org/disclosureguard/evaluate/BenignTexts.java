package org.disclosureguard.evaluate;

import java.util.List;
import java.util.Map;

/**
 * Free text that must cross: routine notes, and look-alikes that share words with therapy but are not therapy
 * (physical and speech therapies, lawyers' counsel, court sessions, therapy dogs, school counselors). Written as
 * case managers write, not shaped around the dictionary's exclusions: a natural phrasing the dictionary does not
 * foresee is exactly what this corpus should find.
 */
final class BenignTexts {
    static final String PHYSICAL = "lookalike-physical";
    static final String LEGAL = "lookalike-legal";
    static final String COURT = "lookalike-court";
    static final String ANIMAL = "lookalike-animal";
    /**
     * A school, guidance or academic counselor about class schedules and credits: benign by content. "counselor"
     * is a dictionary term, so the policy lists these counselors as exclusions (a record in which one retells a
     * disclosure is still held if it names therapy in any other way).
     */
    static final String SCHOOL_COUNSELOR = "lookalike-school-counselor";
    static final String ROUTINE = "routine";

    static final List<String> ROUTINE_NOTES = List.of(
            "Youth attended school all week and completed the math assessment. Teacher reports good participation.",
            "Weekly phone call with mother in Guatemala; youth was in good spirits afterwards.",
            "Youth played soccer during recreation and helped set up the dining room.",
            "Sponsor assessment call held with the paternal uncle; home study documents requested.",
            "Youth asked about the timeline for family reunification; case manager explained the next steps.",
            "Attended English class and an art workshop. No concerns reported by youth care staff.",
            "Legal service provider visited for a know-your-rights presentation.",
            "Fingerprint appointment for the sponsor confirmed for Thursday.",
            "Youth received new shoes and a jacket from the clothing closet.",
            "Birth certificate received from the consulate and added to the file.",
            "El joven participó en la clase de inglés y habló por teléfono con su hermana.",
            "La joven ayudó a preparar la cena y jugó fútbol en el recreo.",
            "Se confirmó la llamada semanal con la madre; la joven estaba contenta.",
            "El patrocinador envió los documentos de identidad solicitados.");
    static final List<String> ROUTINE_INCIDENTS = List.of(
            "Two youth argued over the television remote; staff separated them and no one was hurt.",
            "Youth attempted to leave the facility through the recreation yard gate and was redirected by staff.",
            "Contraband (a phone charger) found during a routine room check and returned to the property office.",
            "Youth slipped on the wet floor in the gym; nurse applied ice, no further treatment needed.",
            "Dos jóvenes discutieron en el comedor; el personal los separó sin lesiones.");

    private static final Map<String, List<String>> LOOKALIKES = Map.of(
            PHYSICAL, List.of(
                    "Youth continues physical therapy for the sprained ankle; the physical therapist expects full recovery.",
                    "Speech therapy evaluation scheduled with the school district.",
                    "Occupational therapy recommended to help with handwriting; referral sent.",
                    "Respiratory therapist checked the inhaler technique after the asthma flare.",
                    "Youth attended his physical therapy session for the knee and did the exercises at home.",
                    "Physiotherapy twice a week for the wrist fracture, per the orthopedist.",
                    "Speech-language therapist reports progress with articulation.",
                    "La joven asistió a terapia física por la lesión de la rodilla.",
                    "Fisioterapia programada para el martes; el fisioterapeuta dio ejercicios para casa.",
                    "Se recomendó terapia del lenguaje; la escuela hará la evaluación.",
                    "Terapia ocupacional para mejorar la motricidad fina, según el pediatra.",
                    "Follow-up for respiratory therapy at the clinic on Friday; transport arranged."),
            LEGAL, List.of(
                    "Her legal counsel filed the motion for a continuance.",
                    "Attorney from the legal service provider gave legal counseling on the SIJS application.",
                    "Youth met with his immigration counselor about the asylum timeline.",
                    "The child's counsel requested a copy of the birth certificate.",
                    "Counsel for the respondent asked to reschedule the master calendar hearing.",
                    "Youth was counseled by his attorney not to sign anything without her present.",
                    "El consejero legal explicó al joven sus derechos ante el juez.",
                    "La consejera jurídica revisó la solicitud de asilo con la joven.",
                    "Asesoría legal programada con la abogada del proveedor de servicios legales.",
                    "El consejero consular visitó la casa hogar para renovar el pasaporte."),
            COURT, List.of(
                    "The court session was moved to March; sponsor informed.",
                    "Court is in session at nine; transport arranged for the youth.",
                    "Youth attended the court session by video from the shelter.",
                    "The judge opened the session and granted a continuance.",
                    "The hearing session ended early; next hearing in June.",
                    "La sesión del tribunal se pospuso hasta abril.",
                    "Audiencia en el tribunal de inmigración; la sesión duró veinte minutos.",
                    "Sesión de la corte de inmigración programada por videoconferencia."),
            ANIMAL, List.of(
                    "A therapy dog visited the unit on Saturday; the youth enjoyed it.",
                    "Therapy animals from the local volunteer program visit on Sundays.",
                    "Youth asked if the therapy dog could come back next week.",
                    "Therapy-dog visit rescheduled because of rain.",
                    "Un perro de terapia visitó la casa hogar y los niños jugaron con él.",
                    "Animal de terapia en la sala de recreo el sábado."),
            SCHOOL_COUNSELOR, List.of(
                    "School counselor reviewed the youth's class schedule and added an English elective.",
                    "Guidance counselor sent the transcript request to the previous school.",
                    "Met with the school counselor to plan the credit recovery courses.",
                    "College counselor gave the youth information about GED programs.",
                    "La consejera escolar ayudó a la joven a elegir sus clases.",
                    "El consejero académico revisó los créditos del joven."));

    private BenignTexts() {}

    /** The look-alike classes, in corpus order. */
    static List<String> lookalikeClasses() {
        return List.of(PHYSICAL, LEGAL, COURT, ANIMAL, SCHOOL_COUNSELOR);
    }

    static List<String> lookalikes(String className) {
        List<String> texts = LOOKALIKES.get(className);
        if (texts == null) {
            throw new IllegalArgumentException("no look-alike class " + className);
        }
        return texts;
    }
}
