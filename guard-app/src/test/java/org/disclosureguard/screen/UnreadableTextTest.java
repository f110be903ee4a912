package org.disclosureguard.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.Placement;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.disclosureguard.contract.EventType;

/**
 * Text the guard cannot read is held with a reason of its own (principle 6), and forwarded strings are held when
 * they do not have their field's shape: each reason names its rule, the field, and carries the explanation and the
 * legal basis reviewers see.
 */
class UnreadableTextTest {
    private static final Screener SCREENER = new Screener(Policy.bundled());

    private static ScreeningResult screenNotes(String notes) throws Exception {
        return screen(TestEvents.benign().setCaseNotes(notes).build());
    }

    private static ScreeningResult screen(CaseRecordEvent event) throws Exception {
        GenericRecord record = new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT)
                .decode(GuardDriver.encode(event));
        return SCREENER.screen(record, 0L);
    }

    /** A medical visit (a medical source) whose case notes are {@code notes}: what the medical rules read. */
    private static CaseRecordEvent medicalVisit(String notes) {
        return TestEvents.benign().setEventType(EventType.MEDICAL_VISIT).setCaseNotes(notes).build();
    }

    private static Finding only(ScreeningResult result, String ruleId) {
        assertEquals(Decision.HOLD, result.decision(), result.findings().toString());
        Finding finding = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ruleId + " in " + result.ruleIds()));
        assertFalse(finding.explanation() == null || finding.explanation().isBlank(), ruleId + " explanation");
        assertFalse(finding.legalBasis() == null || finding.legalBasis().isBlank(), ruleId + " legal basis");
        return finding;
    }

    @Test
    void aRightToLeftOverrideIsHeld() throws Exception {
        String notes = "Youth attended school. \u202E.gnag a rof sgurd dlos eh taht dias eH\u202C";
        Finding finding = only(screenNotes(notes), "content.bidi-control");
        assertEquals("caseNotes", finding.fieldPath());
        assertEquals('\u202E', notes.charAt(finding.spanStart()));
    }

    @Test
    void aWordMixingLatinWithLookAlikeLettersIsHeldWhateverItSpells() throws Exception {
        Finding finding = only(screenNotes("Youth attended the wоrkshop with the group today."), "content.mixed-script");
        assertEquals("wоrkshop", "Youth attended the wоrkshop with the group today.".substring(finding.spanStart(), finding.spanEnd()));
    }

    @Test
    void encodedTextIsReadAndAnOpaqueRunIsHeld() throws Exception {
        String hidden = Base64.getEncoder().encodeToString(
                "During therapy the youth said he sold drugs for the gang.".getBytes(StandardCharsets.UTF_8));
        Finding term = only(screenNotes("Attached note: " + hidden), "content.therapy-reference");
        assertTrue(term.detail().contains("base64"), term.detail());

        only(screenNotes("Attached file: xK9fQ2mZ8pL0aB7cD3eF1gH5iJ6kL4mNq8Rz"), "content.opaque");
        assertEquals(Decision.FORWARD, screenNotes("Reference 3f2a9c0e-1b2c-4d5e-8f90-123456789abc for the sponsor file.").decision(),
                "an id (a UUID) is not opaque data");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "it|Durante la seduta con la psicologa il ragazzo ha raccontato della banda del quartiere.",
        "de|Der Junge hat in der Sitzung erzählt, dass er für eine Bande gearbeitet hat.",
        "tl|Sinabi ng bata sa kanyang sesyon na nagbebenta siya ng droga para sa isang gang.",
        "cyrillic|Подросток рассказал, что продавал наркотики для банды.",
        // two words spelled with letters no covered language uses (ș, ă) are enough to ask the detector
        "id|Dia bilang kepada konselor bahwa dia menjual narkoba untuk geng dan dia takut pulang.",
        "ro|În ședința de terapie, fata i-a spus psihologului că unchiul ei o atingea noaptea.",
        // a short last line of another language is not taken for a signature
        "it|Les aviso para coordinar con el FFS. Gli ha parlato della banda.",
        // a sentence of a language without markers is judged alone too, not only joined to a short one before it
        "so|Youth attended school today. Wuxuu sheegay in adeerkiis uu garaacayay habeen kasta. Staff will follow up tomorrow.",
        "zu|Youth attended school today. Ingane yathi umalume wayeyishaya njalo ebusuku. Staff will follow up tomorrow.",
        // an undecided sentence is not joined to the next when it carries another language's words
        "lg|Youth attended school today. Mwana alobaki ete noko na ye azalaki kobeta ye butu nyonso. Staff will follow up tomorrow.",
        // names are set aside only while they are not most of their sentence: a sentence in title case is read
        "zu|Youth attended school today. Ingane Yathi Umalume Wayeyishaya Njalo Ebusuku Ekhaya. Staff will follow up tomorrow.",
        "it|Youth attended school today. Il Ragazzo Ha Detto Che Lo Zio Lo Picchiava Ogni Notte. Staff will follow up tomorrow."})
    void textInALanguageWithoutADictionaryIsHeldNamingTheLanguage(String language, String notes) throws Exception {
        Finding finding = only(screenNotes(notes), "content.language-not-covered");
        assertTrue(finding.detail().contains(language), finding.detail());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Youth played soccer during recreation and helped set up the dining room.",
        "La joven ayudó a preparar la cena y jugó fútbol en el recreo.",
        "Le jeune a joué au football pendant la récréation et a aidé à mettre la table.",
        "O jovem jogou futebol no recreio e ajudou a arrumar o refeitório.",
        "Timoun nan te jwe foutbòl pandan rekreyasyon an epi li te ede mete tab la.",
        "Sesyon antrenman foutbòl la anile akoz lapli.",
        // Indonesian "dan" twice among a dozen Kreyòl words is chance, not Indonesian
        "Netwayaj dan fèt, gen yon dan ki pike pou yo plonbe nan pwochen randevou a.",
        // an e-mail header's abbreviations are no sentences of an unknown language ("qui.", "mai.", "Dr.")
        "Consulado: identidade confirmada. > Em qui., 1 de mai. de 2025, Dr. Rafael Antunes escreveu: > marque a reunião para segunda.",
        // chat shorthand, a speaker's name that is a word in Swahili
        "[12:12] ana: photo session for ID badges tmrw am, hair combed pls lol",
        // clinical shorthand is English, and a Kreyòl nurse's note is Kreyòl
        "Intake health screen: 16 y/o M. Allergies: NKDA. VS WNL, wt 52 kg, ht 161 cm. Lice check neg. IGRA drawn.",
        "Terapi respiratwa: 2 nebilizasyon salbitamòl, sifleman an bese, SpO2 97 %. Nou montre l jan pou l sèvi ak ponp lan.",
        // a Kreyòl clothing issue and a vehicle check (once read as Shona and Tagalog)
        "Rad bay: 1 jip, 2 mayo, 1 swètè ak yon pè tenis.",
        "Kamyonèt 1 pase enspeksyon, limyè yo bon.",
        // medication records: a Kreyòl note full of English shorthand and drug names (once read as Tagalog and
        // Polish), and an e-prescription's terse English (once read as Esperanto)
        "Preskripsyon apre swen dantè: Amoksisilin 500 mg PO TID x7 jou apre ekstraksyon molè. Ibipwofèn 400 mg PO chak 6 è PRN doulè. Rense bouch ak dlo sèl tyèd apre manje.",
        "Vizit pedyat, egzamen inisyal: pwa 42 kg, tay 152 cm, anemi fè lejè. Lòd: sulfat fereu 325 mg PO chak jou x3 mwa. Swivi: CBC nan 6 semèn.",
        "NewRx ferrous sulfate 325 mg tab, 1 PO daily with orange juice x 90 days. Dx: iron deficiency anemia, Hgb 10.1. Qty 90, RF 0.",
        // a signature is judged with the sentence before it (once read as Latin and Shona)
        "La jueza le concedió la salida voluntaria al joven a petición de su abogado. Les aviso para coordinar con el FFS. Lic. Sergio Batz, Enlace Legal",
        "A fono avaliou o bebê do quarto 2: língua presa confirmada no teste da linguinha. Abraço, Priscila Moura, fonoaudióloga CRFa",

        "OK"})
    void routineNotesInEveryCoveredLanguageCross(String notes) throws Exception {
        assertEquals(Decision.FORWARD, screenNotes(notes).decision(), notes);
    }

    /**
     * A line the detector cannot settle alone (a form's clothing line read as Zulu, drug names as Welsh, a
     * subpoena's Latin as Latin: another language barely ahead of a covered one) is judged again with the next
     * sentence, or the last one with the one before.
     */
    @Test
    void aLineTooCloseToCallIsJudgedWithItsNeighbours() throws Exception {
        for (String routine : List.of(
                "Relatório de evasão (AWOL)\nRoupa: moletom cinza, tênis branco, boné preto\nPolícia de Lowell avisada às 20h05. NCMEC às 20h40.",
                "Kit de evidencia entregado al ofc. Treviño #2290.\nProfilaxis: ceftriaxona IM, azitromicina VO, PEP VIH iniciada. Prueba de embarazo negativa.",
                "Subpoena duces tecum rec'd 12/4 from Travis Co. DA - State v. R. López (agg. assault). Requests incident report + video from 11/12.",
                "Visto pela última vez às 19h45 no pátio dos fundos.\nRoupa: moletom cinza, tênis branco, boné preto",
                // names in title case inside a sentence are no words of a language ("Sr. Kiala", "Papai Noel")
                "Presentes dos doadores: 64 embrulhados, etiqueta com o nome. Papai Noel: Sr. Kiala (fantasia na sala 5).",
                // a Kreyòl line with one Kreyòl word is judged with the next (Lingua has no Kreyòl model)
                "Terapi akwatik: rebilitasyon apre operasyon ACL jenou dwat.\nSesyon nan pisin 30 min madi/jedi. Animatè naj yo pa dwe kite l plonje.")) {
            assertEquals(Decision.FORWARD, screenNotes(routine).decision(), routine);
        }
    }

    /**
     * Initials, abbreviations, e-mail and web addresses are no words of a language: a point sheet's rows of staff
     * initials had read as Somali, a Kreyòl computer-lab log with a help-desk address as Esperanto.
     */
    @Test
    void initialsAndAddressesAreNoWordsOfALanguage() throws Exception {
        for (String routine : List.of(
                "BEHAVIOR POINT SHEET\nPeriod | Respect | Directions | Safe body | Init\nAM | 2 | 2 | 2 | LT\nMid | 2 | 2 | 2 | LT\n"
                        + "PM | 2 | 1 | 2 | OV\nTotal: 17/18\nComment: off unit 1000-1100 for physical therapy (right knee sprain from soccer).",
                "Kont: jen-b09 (Woodly P.) | 3 move modpas → kont bloke, IT avize (helpdesk@kaylespwa.example.org)")) {
            assertEquals(Decision.FORWARD, screenNotes(routine).decision(), routine);
        }
        Finding finding = only(screenNotes("Il ragazzo ha raccontato alla psicologa (psi@centro.example.it, https://centro.example.it/note) "
                + "che lo zio lo picchiava ogni sera. AM LT OV"), "content.language-not-covered");
        assertTrue(finding.detail().contains("it"), finding.detail());
        // Names and agencies in capitals are no words of a language either, unless the text is in capitals throughout
        assertEquals(Decision.FORWARD, screenNotes("Demann ekstrè achiv — Archives Nationales d'Haïti (ANH)\nNon sou batistè: "
                + "Jean-Kensley DORVILUS\nFèt: 03/06/2009, Okap   Paran: Rose DORVILUS / Jean DORVILUS\nSèvis: Bureau d'état "
                + "civil, Cap-Haïtien, 1ère section\nMoun k ap depoze demann lan: tonton (Pòtoprens), resi #ANH-44817").decision());
        only(screenNotes("Youth attended school today and played soccer with his friends in the yard after lunch.\n"
                + "IL RAGAZZO HA RACCONTATO ALLA PSICOLOGA CHE LO ZIO LO PICCHIAVA OGNI SERA DOPO CENA."), "content.language-not-covered");
        // Initials are capitals: short words of a script without case (Arabic) are words, and are held
        only(screenNotes("Youth attended school today and played soccer with his friends in the yard after lunch. "
                + "قال إن هو لم في من أن لا ما هي كل عن إذا."), "content.language-not-covered");
    }

    /**
     * A unit after its number is no word of a language ("6 oz" three times had read as Danish), and Latin words without
     * Latin's grammar are the terms medicine borrows (a pediatric follow-up had read as Latin). Latin prose, with its
     * function words, is still held.
     */
    @Test
    void unitsAndBorrowedLatinTermsAreOursButLatinProseIsNot() throws Exception {
        for (String routine : List.of(
                "Bebé Aylin (5 m): biberón 6 oz 06:00, 6 oz 09:30, 5 oz 13:00. Eructó bien, sin vómito.",
                "Pedi f/u: flat spot R occiput, moderate plagiocephaly + mild torticollis.")) {
            assertEquals(Decision.FORWARD, screenNotes(routine).decision(), routine);
        }
        Finding finding = only(screenNotes("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam "
                + "Aquitani, tertiam qui ipsorum lingua Celtae, nostra Galli appellantur."), "content.language-not-covered");
        assertTrue(finding.detail().contains("la"), finding.detail());
        only(screenNotes("Puer dixit se cum medico locutum esse, et quod pater eum verberavit quia nihil habet."),
                "content.language-not-covered");
    }

    /** Control characters inside words and between them are decided on, never a stall (they once stalled the reader). */
    @Test
    void controlCharactersInFreeTextAreDecidedOn() {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            only(screenNotes("\u0007Il\u0000ragazzo ha raccontato\u0001alla psicologa che lo zio\u0002lo picchiava ogni sera."),
                    "content.language-not-covered");
            screenNotes("Youth\u0000attended\u0007school\u0001and played soccer during recreation with his friends.");
        });
    }

    /**
     * Structured text (HL7 segments, a FHIR resource, a key=value log line) is read for its prose: its keys and codes
     * are no words of a language (they made such records read as Yoruba, Latin or Sesotho), but prose of another
     * language between them is still held.
     */
    @Test
    void structuredTextIsJudgedByItsProse() throws Exception {
        for (String routine : List.of(
                "MSH|^~\\&|RLS_EHR|REFIJ|CM|RLS|20240211213000||ORU^R01|RT-0045|P|2.5.1\nOBX|1|TX|RT-NOTE^Terapi respiratwa||"
                        + "Tretman nebilizasyon albitewòl 2.5 mg pou kriz opresyon (asm). SpO2 93%→98%.||||||F",
                "{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"serviceType\":[{\"text\":\"Control de niño sano\"}],"
                        + "\"comment\":\"No requiere ayuno. Traer cartilla de vacunación del país de origen si la tiene.\"}",
                "2024-06-03T08:01:44Z auth=sso user=lbaptiste session_id=9f2c1a7e event=LOGIN ip=10.22.4.31 mfa=ok")) {
            assertEquals(Decision.FORWARD, screenNotes(routine).decision(), routine);
        }
        for (String italian : List.of(
                "{\"resourceType\":\"Communication\",\"note\":[{\"text\":\"Il ragazzo ha raccontato alla psicologa che lo zio lo picchiava ogni sera.\"}]}",
                "OBX|1|TX|NOTE^Nota||Il ragazzo ha raccontato alla psicologa che lo zio lo picchiava ogni sera.||||||F",
                "note=Il|ragazzo|ha|raccontato|alla|psicologa|che|lo|zio|lo|picchiava|ogni|sera")) {
            Finding finding = only(screenNotes(italian), "content.language-not-covered");
            assertTrue(finding.detail().contains("it"), finding.detail());
        }
    }

    @Test
    void proseInACodeFieldIsHeldForItsShape() throws Exception {
        CaseRecordEvent base = TestEvents.benign().build();
        CaseRecordEvent prose = CaseRecordEvent.newBuilder(base).setPlacement(Placement.newBuilder(base.getPlacement())
                .setProgramType("youth told staff he sold drugs for the gang").build()).build();
        Finding finding = only(screen(prose), "field.shape");
        assertEquals("placement.programType", finding.fieldPath());
        assertTrue(finding.detail().contains("ORR program type"), finding.detail());

        CaseRecordEvent therapyInAForm = CaseRecordEvent.newBuilder(base).setFormId("therapy notes").build();
        ScreeningResult result = screen(therapyInAForm);
        assertTrue(result.ruleIds().containsAll(java.util.List.of("field.shape", "content.therapy-reference")), result.ruleIds().toString());
    }

    @Test
    void psychiatricFindingsInAMedicalRecordAreHeldButAnEverydayWordIsNot() throws Exception {
        CaseRecordEvent insomnia = medicalVisit("Consulta pediátrica por insônia: o adolescente, ansioso, relatou que se cortava.");
        only(screen(insomnia), "provenance.medical-psychiatric");

        CaseRecordEvent psyched = medicalVisit("TB screening negative, vaccines updated. Youth was psyched about the field trip.");
        assertEquals(Decision.FORWARD, screen(psyched).decision());

        CaseRecordEvent attorney = medicalVisit("Reunión confidencial abogado-cliente por videollamada; la gestora salió de la sala.");
        assertEquals(Decision.FORWARD, screen(attorney).decision(), "confidential is not a confidence retold");

        CaseRecordEvent allergy = medicalVisit("Pt disclosed at intake that he is allergic to penicillin. Allergy band applied.");
        assertEquals(Decision.FORWARD, screen(allergy).decision(), "an allergy disclosed is medical history");

        CaseRecordEvent recordsRelease = medicalVisit("Disclosure of records to the child's attorney (G-28 on file); immunization card copied.");
        assertEquals(Decision.FORWARD, screen(recordsRelease).decision(), "a records disclosure to the attorney is no confidence");

        for (String everyday : List.of(
                "History class: Unit 7, the Great Depression and the New Deal, quiz 82%. Vision screen passed.",
                "La camioneta cayó en una depresión del camino junto al portón; se revisó la llanta.",
                "Census: 3 new admits tonight, 2 discharges. Vaccines updated for all.",
                "Triagem jurídica dos novos admitidos na quarta; exame de vista normal.",
                "The minor was admitted on 01/15 and completed the medical screening. Sincerely, Dr. L. Hayes",
                "The winter slowdown is always a depressing time for our crew; the nephew's vaccines are up to date.",
                "Qué clima tan deprimente, lloviendo toda la semana; vacunas al día.",
                "Tempo deprimente a semana toda, atividades dentro de casa. Vacinas em dia.")) {
            CaseRecordEvent medical = medicalVisit(everyday);
            assertEquals(Decision.FORWARD, screen(medical).decision(), everyday);
        }

        CaseRecordEvent readmitted = medicalVisit("Newborn bili 16.4 at 72 hrs, readmitted for phototherapy overnight. Mom staying with him.");
        assertEquals(Decision.FORWARD, screen(readmitted).decision(), "a readmission is no confidence admitted");

        CaseRecordEvent confidence = medicalVisit("Allergy band applied (penicillin). During the exam she disclosed what her uncle did at night.");
        only(screen(confidence), "provenance.medical-retelling");
    }

    /**
     * The codes of mental-health care name a session or a diagnosis that the dictionary cannot read (digits are no
     * letters): a psychotherapy CPT code beside a billing word, an ICD-10 F code beside a diagnosis. A ZIP code in
     * Long Beach (90831-90848) and a seat or a room numbered like an F code cross.
     */
    @Test
    void mentalHealthCodesAreHeldButAddressesAndSeatsCross() throws Exception {
        for (String coded : List.of(
                "Peer review, chart 22-0914: 90834 note dated 04/18, session length 52 min.",
                "Claim: CPT 90847 x1, 50 min, payer Medicaid.",
                "Dx F43.10 per the hospital discharge summary; follow-up in two weeks.",
                "Billing: H0031 completed 3/2, 1 unit.")) {
            only(screenNotes(coded), "content.mental-health-code");
        }
        for (String routine : List.of(
                "Sponsor address: 1420 Pine Ave, Long Beach, CA 90834. Home study scheduled.",
                "Seat F43.2 on the bus manifest; room F12.1 needs a new lock.",
                "ICD-10 J45.909 asthma, Z63.4 death of family member. Vaccines updated.")) {
            assertEquals(Decision.FORWARD, screenNotes(routine).decision(), routine);
        }
    }

    @Test
    void aBadDayWordInAMedicalRecordIsHeldOnlyWhenItIsAFinding() throws Exception {
        for (String finding : List.of(
                "Sick call: Pt c/o nightmares since the river crossing, sleeping 3-4 h. Vitals WNL.",
                "Control de enfermería: la joven refiere ansiedad por las noches; signos vitales normales.",
                "Consulta: o menino apresenta crises de pânico ao deitar. Peso e altura normais.",
                "Visite infirmière : l'enfant se plaint de cauchemars depuis son arrivée. Température normale.",
                "Vizit enfimyè: pasyan an plenn li fè kochma chak lannwit. Tansyon nòmal.",
                // French elision and Spanish questions frame a finding as well as spaces do
                "Visite : l'enfant décrit des cauchemars. Poids normal.",
                "Control: ¿refiere pesadillas? Sí, dos por semana.")) {
            CaseRecordEvent medical = medicalVisit(finding);
            ScreeningResult result = screen(medical);
            assertEquals(Decision.HOLD, result.decision(), finding);
            assertTrue(result.ruleIds().contains("provenance.medical-psychiatric"), finding + ": " + result.ruleIds());
        }
        // The same words as everyone uses them of a bad day, in a nurse's staff chat: no finding.
        for (String idiom : List.of(
                "Kitchen had a total panic attack when the order came short, but nobody went hungry. BP cuff replaced.",
                "Work order: panic bar on east exit door sticking. Fire marshal visit next week.",
                "Pánico en la cocina: llegaron 14 en el autobús de las 2 am y solo quedaban 6 burritos.",
                "Panique générale à la buanderie : la machine 2 a encore inondé tout le sol.",
                "Pesadelo burocrático: o fax da CBP chegou ilegível pela terceira vez.",
                "Kizin nan te yon vrè kochma jodi a, frizè a tonbe an pann.",
                "Kitchen in total panic since 6 am, with 4 staff present and an order worse than last week's.",
                "El fax anda psicótico otra vez desde las 8, y la receta de tamales salió en blanco.",
                // a sentence that laughs is a staff joke, however framed ("toute la nuit")
                "Mdr le nouveau logiciel de planning, j'en ai fait des cauchemars toute la nuit. Vaccins à jour.",
                "Staff chat: this census report gave me nightmares all night lol. BP cuff replaced.")) {
            CaseRecordEvent medical = medicalVisit(idiom);
            assertEquals(Decision.FORWARD, screen(medical).decision(), idiom);
        }
        // The words of clinical care hold by themselves, with no frame around them, in capitals too.
        for (String care : List.of("Psychiatry follow-up booked for Tuesday. Vaccines updated.",
                "Started psychotropics on 3/2. Vaccines updated.", "CITA CON PSICÓLOGA EL MARTES. VACUNAS AL DÍA.",
                "Dosye: ensomni depi 2 semèn.")) {
            CaseRecordEvent medical = medicalVisit(care);
            ScreeningResult result = screen(medical);
            assertTrue(result.ruleIds().contains("provenance.medical-psychiatric"), care + ": " + result.ruleIds());
        }
    }
}
