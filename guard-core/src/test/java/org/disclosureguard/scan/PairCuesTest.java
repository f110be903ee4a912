package org.disclosureguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;

/** Pairs: two cues that are no therapy term alone, and one together in a sentence. */
class PairCuesTest {

    private static final ContentScanner SCANNER = new ContentScanner(Dictionary.compile(List.of(
            DictionaryEntry.term("therapist"),
            DictionaryEntry.exclusion("(court|soccer) session"),
            DictionaryEntry.cue("session", 0, false),
            DictionaryEntry.cue("one-on-one", 0, false),
            DictionaryEntry.cue("(client|youth|he|she) (explained|said|shared)", 0, true),
            DictionaryEntry.cue("(explained|said|shared) that", 0, true),
            // A second pair whose first side shares a word with a term: the term still counts alone.
            DictionaryEntry.cue("therapist", 1, false),
            DictionaryEntry.cue("heard from", 1, true))));

    @Test
    void aSessionAndATellingInOneSentenceAreOneHitSpanningBoth() {
        String text = "In session, client explained that he carried packages.";
        List<TermMatch> matches = SCANNER.scan(text);
        assertEquals(1, matches.size(), matches.toString());
        TermMatch match = matches.get(0);
        assertEquals("session … client explained", match.term());
        assertEquals(text.indexOf("session"), match.start());
        assertEquals(text.indexOf(" that"), match.end());
    }

    @Test
    void theOrderOfTheTwoCuesDoesNotMatter() {
        String text = "The youth shared that it happened at night, during the weekly one-on-one.";
        List<TermMatch> matches = SCANNER.scan(text);
        assertEquals(1, matches.size(), matches.toString());
        assertEquals("one-on-one … youth shared", matches.get(0).term());
        assertEquals(text.indexOf("youth"), matches.get(0).start());
    }

    @Test
    void eitherCueAloneIsNoHit() {
        assertFalse(SCANNER.matches("The session starts at ten."));
        assertFalse(SCANNER.matches("Client explained that the bus was late."));
        assertFalse(SCANNER.matches("He said that lunch was good."));
    }

    @Test
    void aSentenceEndBetweenThemBreaksThePair() {
        assertFalse(SCANNER.matches("The session ended early. He said that lunch was good."));
        assertFalse(SCANNER.matches("The session ended early!\nHe said that lunch was good."));
        assertFalse(SCANNER.matches("The session ended early\n\nhe said that lunch was good."));
        // A closing bracket or quote between the last word and the stop: still the sentence's end.
        assertFalse(SCANNER.matches("The session (group two). He said that lunch was good."));
        assertFalse(SCANNER.matches("The session was \"fine\". He said that lunch was good."));
        // An abbreviation's or a spaced-out word's full stop ends no sentence; a single line break neither.
        assertTrue(SCANNER.matches("In the U.S. session he said that it hurt."));
        assertTrue(SCANNER.matches("In the session\nhe said that it hurt."));
    }

    @Test
    void cuesTooFarApartAreNoPair() {
        String filler = " and".repeat(PairCues.MAX_GAP / 4 + 1);
        assertFalse(SCANNER.matches("In session" + filler + " he said that it hurt"));
        assertTrue(SCANNER.matches("In session" + " and".repeat(PairCues.MAX_GAP / 4 - 1) + " he said that it hurt"));
    }

    @Test
    void anExclusionCoveringACueSuppressesIt() {
        assertFalse(SCANNER.matches("At the soccer session he said that he scored twice."));
        assertFalse(SCANNER.matches("The court session resumed and the youth said that he understood."));
        assertTrue(SCANNER.matches("After the soccer game, in session, he said that he was scared."));
    }

    @Test
    void spacedOutAndEncodedCuesStillPair() {
        assertTrue(SCANNER.matches("In s e s s i o n, client explained that he was beaten."));
        assertTrue(SCANNER.matches("In s.e.s.s.i.o.n, c.l.i.e.n.t e.x.p.l.a.i.n.e.d that he was beaten."));
        String encoded = Base64.getEncoder().encodeToString(
                "In session, client explained that he was beaten.".getBytes(StandardCharsets.UTF_8));
        List<TermMatch> matches = SCANNER.scan("Attached note: " + encoded);
        assertEquals(1, matches.size(), matches.toString());
        assertEquals("base64", matches.get(0).encoding());
    }

    @Test
    void aPatternThatIsATermAndACueCountsAsBoth() {
        assertEquals(List.of(new TermMatch("therapist", 4, 13)), SCANNER.scan("The therapist called."));
        List<TermMatch> matches = SCANNER.scan("Staff heard from the therapist that he cried.");
        assertEquals(2, matches.size(), matches.toString());
        assertTrue(matches.stream().anyMatch(m -> m.term().equals("therapist … heard from")));
    }

    @Test
    void cuesOfDifferentPairsDoNotPair() {
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of(
                DictionaryEntry.term("therapy"),
                DictionaryEntry.cue("session", 0, false), DictionaryEntry.cue("heard from", 1, true),
                DictionaryEntry.cue("cabin", 1, false), DictionaryEntry.cue("said that", 0, true))));
        assertFalse(scanner.matches("In session, staff heard from him."));
        assertTrue(scanner.matches("In session, he said that it hurt."));
        assertTrue(scanner.matches("In the cabin, staff heard from him."));
    }

    @Test
    void pairsBeyondTheThirtySecondAreTheirOwn() {
        // Slots are bits of two masks (first sides, second sides): slot 40 pairs with itself and not with slot 8.
        ContentScanner scanner = new ContentScanner(Dictionary.compile(List.of(
                DictionaryEntry.cue("session", 40, false), DictionaryEntry.cue("said that", 40, true),
                DictionaryEntry.cue("cabin", 8, false), DictionaryEntry.cue("heard from", 8, true),
                DictionaryEntry.cue("lodge", Dictionary.MAX_PAIRS - 1, false),
                DictionaryEntry.cue("told us", Dictionary.MAX_PAIRS - 1, true))));
        assertTrue(scanner.matches("In session, he said that it hurt."));
        assertTrue(scanner.matches("At the lodge she told us about it."));
        assertFalse(scanner.matches("In session, staff heard from him."));
        assertFalse(scanner.matches("In the cabin, he said that it hurt."));
    }

    @Test
    void hostileRepetitionStaysBounded() {
        String text = "session he said that ".repeat(20_000);
        List<TermMatch> matches = SCANNER.scan(text);
        // One pair per cue at most, each found among its near neighbours.
        assertTrue(matches.size() <= 3 * 20_000, "pairs: " + matches.size());
        assertFalse(matches.isEmpty());
    }

    @Test
    void pairNumbersAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> DictionaryEntry.cue("session", Dictionary.MAX_PAIRS, false));
        assertThrows(IllegalArgumentException.class, () -> DictionaryEntry.cue("session", -1, true));
    }

    @Test
    void cuesAreCountedApartFromTerms() {
        Dictionary dictionary = Dictionary.compile(List.of(DictionaryEntry.term("therapy"),
                DictionaryEntry.cue("session", 0, false), DictionaryEntry.cue("said that", 0, true)));
        assertEquals(1, dictionary.termCount());
        assertEquals(2, dictionary.cueCount());
    }

    // --- context groups: a bare word explained by its sentence ---------------------------------------------------

    private static final ContentScanner CONTEXTUAL = new ContentScanner(Dictionary.compile(List.of(
            DictionaryEntry.term("therapist*"),
            DictionaryEntry.term("psychologist"),
            DictionaryEntry.exclusion("physical therapist"),
            DictionaryEntry.exclusion("rehab session"),
            DictionaryEntry.cue("session", 0, false),
            DictionaryEntry.cue("(he|she) said", 0, true),
            DictionaryEntry.contextCue("therapist*", 1, DictionaryEntry.ContextRole.HEAD),
            DictionaryEntry.contextCue("(rehab|physical|knee|exercises)", 1, DictionaryEntry.ContextRole.CONTEXT),
            DictionaryEntry.contextCue("(disclosed|abuse|uncle)", 1, DictionaryEntry.ContextRole.UNLESS))));

    @Test
    void aHeadWhoseSentenceNamesTheBenignSenseIsNoHit() {
        assertEquals(List.of(), CONTEXTUAL.scan("Rehab session for the wrist; the therapist sent him home with putty."));
        assertEquals(List.of(), CONTEXTUAL.scan("The therapist showed her knee exercises."));
    }

    @Test
    void aHeadStaysAHitWithoutContextInItsSentence() {
        assertTrue(CONTEXTUAL.matches("The therapist called."));
        // The context may be in the sentence before ("Knee rehab went well. The therapist called.").
        assertEquals(List.of(), CONTEXTUAL.scan("Physical therapy for the knee went well. The therapist called the CM."));
        // An unless cue in the sentence that lent the context keeps the head too.
        assertTrue(CONTEXTUAL.matches("Knee rehab went well, then he talked about his uncle. The therapist called the CM."));
    }

    @Test
    void aParagraphsFirstLinesNameTheCareForTheWholeParagraph() {
        // "OT log / Focus: handwriting ... / Therapist recommends": the context further back in the paragraph counts,
        assertEquals(List.of(), CONTEXTUAL.scan("Physical therapy for the knee went well. Lunch was late. The therapist called the CM."));
        assertEquals(List.of(), CONTEXTUAL.scan("Knee rehab log\nSet 1 done.\nSet 2 done.\nThe therapist called the CM."));
        // but not across a blank line, whatever its breaks and blanks (pasted text: CR, CRLF, no-break and zero-width
        // spaces, Unicode's line and paragraph separators),
        for (String blankLine : List.of("\n\n", "\r\r", "\r\n\r\n", "\n\u00A0\n", "\n\u200B\n", "\u2029", "\u2028\u2028")) {
            assertTrue(CONTEXTUAL.matches("Physical therapy for the knee went well." + blankLine
                    + "Lunch was late. The therapist called the CM."), blankLine.chars().boxed().toList().toString());
        }
        // nor past an unless cue or another hit anywhere in the paragraph up to the sentence after the head.
        assertTrue(CONTEXTUAL.matches("Knee rehab log. He talked about his uncle. Lunch was late. The therapist called the CM."));
        assertTrue(CONTEXTUAL.matches("Knee rehab log. The psychologist came. Lunch was late. The therapist called the CM."));
        assertTrue(CONTEXTUAL.matches("Knee rehab log. Lunch was late. The therapist called the CM. She disclosed it."));
        // A paragraph longer than the reach is no note with a heading.
        assertTrue(CONTEXTUAL.matches("Knee rehab log. " + "Lunch was late. ".repeat(80) + "The therapist called the CM."));
    }

    @Test
    void anUnlessCueOrAnotherHitKeepsTheHead() {
        assertTrue(CONTEXTUAL.matches("Knee exercises went well; the therapist said he disclosed it."));
        assertTrue(CONTEXTUAL.matches("Knee exercises went well; the therapist mentioned his uncle."));
        assertTrue(CONTEXTUAL.matches("Knee exercises with the therapist and the psychologist."));
        assertTrue(CONTEXTUAL.matches("In session she said the therapist showed her knee exercises."));
    }

    @Test
    void contextCuesPairWithNothing() {
        assertEquals(List.of(), CONTEXTUAL.scan("In session, exercises for the knee."));
        // A head with its context is no pair either: only the term itself remains when an unless cue keeps it.
        assertEquals(List.of("therapist*"), CONTEXTUAL.scan("Knee exercises; the therapist disclosed it.").stream()
                .map(TermMatch::term).toList());
    }

    // --- the bundled policy's pairs and contexts on sentences written for this test, not from its entries ----------

    private static final ContentScanner BUNDLED = Policy.bundled().scanner();

    @Test
    void theBundledSessionPairsCatchRetellingsInOtherWordsScriptsAndEncodings() {
        // The telling pairs with the session and, as a disclosure, with the harms it told.
        List<String> retold = terms("At this morning's session the fifteen-year-old boy stated that his cousin sold him to a gang.");
        assertEquals("session … boy stated", retold.get(0));
        assertTrue(retold.contains("boy stated … sold him to a"), retold.toString());
        // A Cyrillic е inside "séance"; Portuguese behind base64; Kreyòl spelled out letter by letter. Each is the
        // session pair first (its harm makes a disclosure pair as well).
        assertEquals("séance … fille a confié", terms(
                "Lors de la s\u0435ance de mardi, la jeune fille a confié que son oncle la battait.").get(0));
        String portuguese = Base64.getEncoder().encodeToString(
                "Na sessão de terça, o menino contou que apanhava do tio.".getBytes(StandardCharsets.UTF_8));
        assertEquals("sessão … menino contou", terms("Pièce jointe : " + portuguese).get(0));
        assertEquals("sesyon … timoun nan te rakonte", terms(
                "Nan s e s y o n   an, timoun nan te rakonte ke tonton l te konn bat li.").get(0));
    }

    @Test
    void theBundledPolicyForwardsSessionsAndTherapistsOfOtherKinds() {
        assertEquals(List.of(), terms("The court session resumed after lunch and the boy said that he understood the judge."));
        assertEquals(List.of(), terms("Séance de kiné : la thérapeute dit que la cheville va mieux."));
        assertEquals(List.of(), terms("Rehab after the ankle sprain: the therapist added balance exercises."));
        // The same therapist, with a telling in the sentence, is held.
        // (every entry that matched is reported: the word and the compounds' "*therapist")
        assertEquals(List.of("*therapist", "therapist*"), terms("Rehab after the ankle sprain: the therapist said he disclosed the abuse."));
    }

    @Test
    void aTellingAndAHarmFromThePastAreADisclosureWhoeverListened() {
        // No session, no clinician: the telling and what was told are enough (a historical disclosure).
        assertTrue(BUNDLED.matches("After dinner on the porch he finally told me that the smugglers still phone his mother about the debt."));
        assertTrue(BUNDLED.matches("Al parecer vendía cristal para un primo en las ferias del pueblo."));
        assertTrue(BUNDLED.matches("Avant le repas, il a eu le temps de me dire qu'il fumait du crack pour ne pas avoir faim."));
        assertTrue(BUNDLED.matches("No caminho de volta conseguiu me dizer que a família ainda deve ao coiote."));
        assertTrue(BUNDLED.matches("Apre manje a li fè m konnen ke fanmi l toujou dwe lajan bay raketè a."));
        // A title's full stop ends no sentence ("told Ms. Dee that", "la Lic. Paz"); a real one does.
        assertTrue(BUNDLED.matches("Then she told Ms. Dee that the smugglers still want the debt paid."));
        assertTrue(BUNDLED.matches("Según la Lic. Paz, contó que los coyotes todavía llaman a su mamá."));
        assertFalse(BUNDLED.matches("She told me. The smugglers' trial was in the news."));
        // Either side alone is nothing: a harm nobody told, a telling of nothing harmful.
        assertFalse(BUNDLED.matches("Sponsor background check came back clean: no gang affiliation, no arrests."));
        assertFalse(BUNDLED.matches("She told me that she misses her grandmother's tamales and wants to call on Sunday."));
        // Digits in entries are ignored, so no entry may hang on one ("calle 18" would be "calle").
        assertFalse(BUNDLED.matches("Dijo que quería ver la calle desde la ventana."));
        assertFalse(BUNDLED.matches("Mwen di l gad yo byen anvan li travèse lari a."));
    }

    @Test
    void aHarmSomeoneElseNamesOrAStoryIsAboutIsNoDisclosure() {
        // Written for this test: the police, an attorney, a coach or the news naming a harm, a film about one, a
        // wish to end one. None is the child telling what was done to them or what they did.
        assertCross(
                "Police report attached: officers said the suspect in the downtown shooting belonged to a gang.",
                "The attorney explained that asylum claims based on gang violence need evidence from the home country.",
                "He said the movie about the cartel was scary and asked to sleep with the light on.",
                "She told staff she wants to be a police officer so she can stop gangs.",
                "The judge said the case will continue; the youth told his attorney he is afraid of the gangs at home.",
                "He said our team was beaten 3-0 and that he was forced to sit out the second half.",
                "La policía dijo que el detenido pertenece a una pandilla; ningún menor del albergue estuvo involucrado.",
                "Dijo que la película de narcos le dio miedo y pidió dormir con la luz prendida.",
                "La police a dit que le suspect appartenait à un gang ; aucun jeune du foyer n'est concerné.",
                "A polícia disse que o suspeito era de uma facção; nenhum jovem do abrigo estava envolvido.",
                "Li di fim sou gang yo te fè l pè.",
                // Harms that are not the child's past: a wish, a spider, a shelter incident told as it happens, a theft
                // the child suffered.
                "Youth said he wants to be a nurse so he can help people who were shot in his town.",
                "He said he killed the spider in the bathroom and everyone laughed.",
                "The girl told staff that the boys in cottage 4 were smoking weed behind the gym; nothing was found.",
                "Li di yon lòt ti gason te vòlè telefòn li nan otobis la.");
        // The same harm told by the child is held.
        assertTrue(BUNDLED.matches("He said the older boys made him sell drugs for the gang before he left."));
    }

    /**
     * What the twenty-first and twenty-second writers' benign notes taught (policy 2026.12.6), in the words of this
     * test, each beside the harm the exclusion must not swallow: a child's own kitchen burn, chickens killed on the
     * farm, a team beaten in a game, a consular officer's counseling on documents, an asylum form's preparation
     * session, the legal service provider's counselor, a Kreyòl occupational-therapy session.
     */
    @Test
    void everydayBurnsFarmAnimalsGameScoresAndPaperworkAreNoDisclosure() {
        assertCross(
                "He was telling me how he burned his finger grabbing a tortilla off the comal.",
                "She said she burned her tongue eating the soup too fast.",
                "He told me his little brother nearly killed the chickens by leaving the gate open.",
                "Contó que su hermano mató las gallinas para la fiesta del pueblo.",
                "Il a raconté que son oncle devait tuer les poules pour le mariage.",
                "Contou que o avô matou os porcos para o Natal.",
                "He told me his team got killed 5-0 on Saturday.",
                "She said they got murdered in the final, 6-1.",
                "El niño me contó que a su equipo lo golearon en la final.",
                "Il raconte que l'équipe de son frère s'est fait massacrer dimanche.",
                "O jovem conta que o time do bairro levou uma surra no domingo.",
                "The consular officer provided counseling on passport renewal and the birth certificate.",
                "Client told me he wants to be an engineer; please schedule the I-589 preparation session for Monday.",
                "The counselor from the legal service provider said the kids with court need their notices.",
                "Jèn nan fini sesyon terapi okipasyonèl li apre ponyèt li te kase a.",
                "Terapi fè kòmanse pou anemi; refè CBC nan 4 semèn.",
                "Pt told nurse she burned her fingertip making tortillas years ago.",
                "El consejero del proveedor de servicios legales pide copia de la cartilla de vacunación.");
        assertHeld(
                "He told me they burned his finger when he would not pay.",
                "She told me her stepfather burned her hand on the stove.",
                "He told me they got murdered on the road north.",
                "He told me his whole team was killed by the mara.",
                "El niño me contó que a su equipo lo mataron los pandilleros.",
                "She said she burned her hand when he held it on the stove.",
                "O jovem contou que levou uma surra de cinto do padrasto.",
                "Contou à conselheira dela que os guias batiam nos meninos com cinto.",
                // the twenty-third writer's lessons: coercion with an enclitic pronoun, drugs carried, a burn with a spoon
                "Refere que os mais velhos do bairro obrigavam-no a roubar telemóveis.",
                "O jovem contou que atravessou a fronteira levando uma mochila com droga.",
                "Ela contou que a madrasta a queimava com uma colher quente.");
    }

    /**
     * What the twenty-ninth and thirty-second writers taught (policy 2026.12.10), each in words of this test's own: a
     * telling in the present tense or by an interpreter's verb, a retelling from someone's notes, and harms the
     * dictionary lacked (an overdose of a strip of pills, beatings in an enclitic or a favela lookout's jobs, a
     * witchcraft accusation, forced disappearance, touching, coca picking). And what must still cross beside them.
     */
    @Test
    void theLaterWritersTellingsAndHarmsInOtherWords() {
        assertHeld(
                "At the end of group she whispers that she swallowed a whole bottle of her cousin's sleeping pills last spring.",
                "From the night nurse's notes, he watched the soldiers shoot his uncle in the market.",
                "He comments that his job in the favela was to hold the radio for the older guys.",
                "Su tía señaló que a su hermano lo desaparecieron los militares en Olancho.",
                "La licenciada me comentó que la niña se corta los muslos con un sacapuntas.",
                "L'adolescent ajoute qu'on l'a accusé d'être sorcier au village et chassé de la maison.",
                "Selon le compte rendu de la psy, un cousin l'a tripotée pendant l'été.",
                "A menina cochichou que o padrasto batia-lhe com o fio do ferro.",
                "O menino sussurrou que ficava com o radinho na laje quando os homens mandavam.",
                "Ti gason an reponn ke yo te akize l se lougawou epi yo te vle lapide l.",
                "Dapre nòt sikològ la, yon vwazen te konn fè l bagay lè manman l pa la.");
        assertCross(
                "Abx therapy day 3 of 10, afebrile, tolerating meals.",
                "Per her notes from math class, she finished the fractions unit.",
                "He comments that the fireworks on New Year's Eve were loud.",
                "Señaló que prefiere las tortillas de maíz al pan.",
                "La clínica del albergue me comentó que el tío ya mandó los papeles.");
    }

    /**
     * What the thirty-first and thirty-third writers taught (policy 2026.12.11), in this test's own words: a clinician
     * named only by a standing private appointment (the weekday, the room, the people who see the child every week),
     * the child's own words quoted from a session, a counselor who confirmed, projective tests (house-tree-person,
     * sentence completion). And their benign twins: an appointment named with its dentist or lawyer, a coach who sees
     * the child every week, a chicken killed for the pot.
     */
    @Test
    void standingAppointmentsTheChildsWordsAndProjectiveTestsInOtherWords() {
        assertHeld(
                "Update from his Thursday appointment is that the men at the border kept his passport until the debt was paid.",
                "The people who meet him every week tell us that he sold weed for the older guys in his barrio.",
                "HTP administered; asked about the drawing, the boy explained that he was kept in a stash house for a month.",
                "Las personas que lo atienden cada martes me dicen que un coyote le quitó sus documentos en Tapachula.",
                "La psicóloga supo desde la sesión del lunes que su padrastro la golpeaba con un cable.",
                "Test de l'arbre en séance : il a dit que des hommes armés ont brûlé sa maison.",
                "La conseillère a confirmé que les paroles de la jeune en séance étaient que son oncle la battait.",
                "Nos encontros reservados de quinta, a menina deixou claro que o padrasto a trancava no quarto.",
                "Moun ki wè l chak madi di m ke gang lan te fòse l pote zam.");
        assertCross(
                "Her Thursday appointment with the dentist is moved; she said that the crown feels fine.",
                "The coach who sees him every Monday said that he scored twice.",
                "Su cita de los martes con la abogada se cambió; dijo que la audiencia es en enero.",
                "Atelier cuisine : on a tué le poulet pour le repas de fête, d'après les jeunes.",
                "Mataron el pollo para el caldo del domingo, según la cocinera.");
    }

    /**
     * What the thirty-fourth and thirty-fifth writers taught (policy 2026.12.12), in this test's own words: a document
     * that "shows" or "reads" a harm (lê-se que, consta que, montre ke), the clinical or psychological file, the
     * therapeutic interview. And their benign twins: a video-call session with the family, a legal counselor in Kreyòl.
     */
    @Test
    void whatAFileSaysTheClinicalFileAndTheTherapeuticInterviewInOtherWords() {
        assertHeld(
                "The attached chart reflects that his uncle made him sell crack outside the school.",
                "No relatório psicológico consta que o padrasto a trancava no quarto sem comer nem beber.",
                "Na entrevista terapêutica de março ela falou da travessia.",
                "Le document indique qu'un passeur lui a pris son passeport à Tapachula.",
                "Rapò sikolojik la montre ke gang lan te fòse l pote zam.");
        assertCross(
                "Video call session with the family: he talked with his mother for 20 minutes.",
                "Sessão de videochamada com a família: ela falou com a avó.",
                "Li te gen randevou ak konseye legal li pou dosye SIJS la.");
    }

    /**
     * What the thirty-sixth to thirty-ninth writers taught (policy 2026.12.13), in this test's own words: the clinical
     * or psychological file in French and Spanish. And their benign twins: a claim's CPT column and a
     * physical-therapy procedure coded in HL7, a board's private session and its minutes, counselors who are not
     * clinicians, a therapy gym, a meeting that is "our group therapy", a dish that "gave me PTSD", dialysis sessions
     * in a sworn statement, medical "or clinical" records, football as "my therapy", a pupil with a psychologist's soul.
     */
    @Test
    void theFileInOtherLanguagesAndBillingBoardsAndFiguresOfSpeech() {
        assertHeld(
                "Selon le dossier clinique, il a vendu de la drogue pour le gang à Port-au-Prince.",
                "En el expediente psicológico consta que la golpeaban en la casa de su tía.",
                "Completed CPT session 6 of 12 on his stuck points about the crossing.");
        assertCross(
                "Ln DOS POS CPT Mod Units Charge Description 1 05/06/2024 11 97110 GP 2 $120.00 Therapeutic exercise",
                "OBR|1||PT-2291|97110^Therapeutic exercise^CPT|||20240318100000",
                "El consejo pasó a sesión privada para tratar el arrendamiento; no hubo acuerdos en la sesión privada.",
                "Resumen de la sesión del cabildo: se aprobó la ampliación del comedor.",
                "Legal counselors are not clinicians; they explain court procedures.",
                "Set up the therapy gym earlier so the morning sessions start on time.",
                "« La réunion du lundi, c'est notre thérapie de groupe : on râle et on repart motivés. »",
                "Cozinhar, diz ela, é a melhor terapia.",
                "The salsa was so hot it gave me PTSD, said one of the judges.",
                "Un compte rendu de la séance du conseil d'administration est joint.",
                "Sikoloji koulè nan piblisite se pwojè lekòl li.",
                "Bajo juramento declaro que la menor acude a sesiones de hemodiálisis tres veces por semana.",
                "No se solicitaron ni se entregaron expedientes médicos o clínicos.",
                "« Le shopping, c'est sa thérapie. Moi, ma thérapie, c'est le foot. »",
                "Mariama a une vraie âme de psychologue avec ses camarades.",
                "A minha educadora diz que ir ao shopping é a terapia dela. A minha terapia é futebol.");
    }

    /**
     * What the fortieth and forty-first writers taught (policies 2026.12.14 and 2026.12.15): sessions of a computer, an
     * account, a court or a game, told in a sentence with a telling ("se le explicó", "comentó"), a console's family
     * account, a fax machine that "needs therapy". The same tellings beside a
     * session that is one still hold.
     */
    @Test
    void loginCourtAndConsoleSessionsAreNoSessionsOfTherapy() {
        assertCross(
                "Se le explicó al joven el traslado. Registro de inicio de sesión: Chromebook CB-114; la sesión se cerró sola por inactividad.",
                "Un joven comentó que la sesión del tribunal del condado se transmite por YouTube.",
                "Rapport Xbox Family : session FIFA de 19h à 21h30, console verrouillée.",
                "Le counselor du service juridique confirme la date de l'audience.",
                "O jovem explicou que a sessão expirou por inatividade no Chromebook.",
                "FIFA tournament session 18:00-19:30 in the rec room; the youth told staff Pod A won.",
                "Pharmacy tech: this fax machine needs therapy. The refill was resent by e-Rx.");
        assertHeld(
                "Se le explicó al joven que en la sesión con la psicóloga puede hablar de lo que vivió.",
                "Un joven comentó en la sesión de terapia que su padrastro lo golpeaba.");
    }

    /**
     * What the forty-second writer taught (policy 2026.12.16): a lab session left logged in, class sessions on a Kreyòl
     * point sheet, a school counselor who sends attendance reports (Spanish and Kreyòl), shopping called "their
     * therapy". A counselor or a session that heard a harm still holds.
     */
    @Test
    void classAndLabSessionsAndSchoolCounselorsAreNoTherapy() {
        assertCross(
                "Y.R. left her session logged in on lab PC #4 and another youth opened her school email.",
                "Sesyon klas ESL 9–11am: 5/5. Sesyon matematik 1–2pm: 3/5 (li pale twòp).",
                "La consejera enviará un reporte cada viernes sobre asistencia y calificaciones.",
                "Ak konseye oryantasyon lekòl la. Konseye a ap voye yon rapò chak vandredi sou prezans ak nòt.",
                "Les filles ont décrété que le shopping de samedi, c'était « leur thérapie ».",
                "As meninas decidiram que as compras de sábado foram a \"terapia\" delas.",
                "Las chicas decidieron que las compras del sábado fueron su terapia.");
        assertHeld(
                "La consejera dijo que el joven le contó que su padrastro lo golpeaba.",
                "Nan sesyon an, jèn nan te rakonte ke tonton l te bat li chak swa.");
    }

    /**
     * What the forty-fourth writer taught (policy 2026.12.17), in other words: diplomatic ranks, economists' shock
     * therapy, a dental therapist, a room named for the psychologist's office beside it or booked in it, a Kreyòl
     * court's custody order ("òdonans gad", read as GAD-7), manual and vision therapy in Kreyòl. A clinician who heard a
     * harm, and shock therapy without the economists, still hold.
     */
    @Test
    void diplomatsEconomistsAndRoomsAreNoTherapy() {
        assertCross(
                "The minister-counselor of the embassy will attend the hand-over at the airport on Monday.",
                "Cc: Counselor for Consular Affairs, Embassy of Honduras.",
                "La consejera de asuntos consulares firmó el salvoconducto del joven.",
                "Invitation du ministre conseiller de l'ambassade pour la remise des passeports.",
                "Country conditions: the budget shock therapy of last year raised bus fares by half.",
                "El gobierno anunció una terapia de choque cambiaria y la gasolina subió.",
                "Le gouvernement prépare une thérapie de choc monétaire; les vols restent au même prix.",
                "A terapia de choque fiscal encareceu as passagens de ônibus em Luanda.",
                "Ekonomis yo pale de yon terapi chòk pou goud la; pri tikè avyon an monte.",
                "The dental therapist will place two sealants before the flight home.",
                "Please book the meeting room next to the counselor's office for the consular call.",
                "Le bureau de la psychologue est libre jeudi pour l'appel vidéo avec la famille.",
                "Tribinal Timoun Jakmèl: ÒDONANS GAD pou minè a, konfye bay grann li.",
                "Terapi vizyèl pou je goch li, 2 fwa pa jou; linèt nouvo semèn pwochèn.");
        assertHeld(
                "The psychiatrist considered shock therapy after the girl stopped eating.",
                "In the counselor's office the boy told her that his uncle beat him every night.",
                "La consejera dijo que el joven le contó que su padrastro lo golpeaba.");
    }

    /**
     * What the forty-fifth and forty-sixth writers taught (policy 2026.12.18), in other words: any word built on therapy
     * holds (a therapy nobody listed, "equinoterapia", "dançaterapia") unless it is a medical or physical one
     * ("physiothérapie", "quimioterapia"); creative-arts therapists' credentials and the drama therapist's
     * techniques hold; a session "dijo en su sesión" retold holds; a therapist placed in physical care still holds
     * when the sentence is angry or tells. Pastimes weighed against therapy, a dental therapy, a visiting therapy
     * dog, and two people's initials in a list ("K.D., S.M.", once read as DSM) cross.
     */
    @Test
    void anyTherapyCompoundHoldsAndTheMedicalOnesCross() {
        assertHeld(
                "Sesión de equinoterapia: la joven habló con la terapeuta.",
                "Oficina de dançaterapia, grupo das meninas, quinta 15h.",
                "Zoothérapie et médiation animale : le jeune reste calme.",
                "Dramatherapy with the girls' group on Tuesday, room 4.",
                "Art with E. Ruiz, LCAT: collage of the house in Olancho.",
                "After de-roling the youth stayed quiet for a while.",
                "Técnica de la silla vacía con el joven de la sala 3.",
                "Consej. indiv. #4 con la menor, 50 min.",
                "La coordinadora avisó que el menor dijo en su sesión de la tarde que quiere irse.",
                "He punched the wall during basketball; he is mad because the therapist wrote in her report that he cried.",
                "ojo la terapeuta me dijo que en la alberca la niña le contó que no quiere vivir",
                "K.D., S.M. and D.S.M. signed the garden log.");
        assertCross(
                "Séance de physiothérapie : renforcement du genou, le physiothérapeute a montré les exercices.",
                "Fisioterapia: el fisioterapeuta trabajó la rodilla.",
                "Chemotherapy cycle 3 done at the children's hospital; nausea controlled.",
                "Kneading masa is cheaper than therapy, says the cook. 48 pupusas, 0 burns.",
                "Pétrir la pâte, c'est mieux qu'un psy. Recette : pain au maïs.",
                "Sovar massa de pão sai mais barato que psicólogo. Receita: broa de milho.",
                "Traitement de canal (thérapie endodontique) sur la 36, 1re séance faite.",
                "Visite du chien de zoothérapie « Biscuit » mercredi 14h, salle commune.",
                "Garden log Mon: tomatoes watered (K.D., S.M.); Wed: 3 kg of peppers picked.");
    }

    /**
     * What the forty-seventh writer taught (policy 2026.12.19), in other words: psychology as a school subject, a
     * therapy joked about for a broken machine, a note whose heading names the physical care, a Kreyòl school
     * counselor about credits. The same words beside a psychologist's service, a trip to therapy, a telling or a
     * harm still hold.
     */
    @Test
    void schoolSubjectsBrokenMachinesAndHeadedNotesAreNoTherapy() {
        assertCross(
                "Registrar: she swapped Chorus for Psychology, an elective, 2nd semester.",
                "Horario nuevo: psicología como optativa los martes, 4º periodo, con la maestra Ruiz.",
                "Le manuel de psychologie (cours optionnel) est à rendre au secrétariat.",
                "Matéria eletiva do semestre: psicologia, prova na sexta.",
                "Nouvo orè: klas sikoloji mèkredi, chapit 2 pou devwa.",
                "The laminator needs therapy again, paper jam in the tray, call maintenance.",
                "La impresora del segundo piso necesita terapia: otro atasco.",
                "La chaudière du pavillon B est partie en thérapie chez le réparateur, panne de brûleur.",
                "A copiadora precisa de terapia, quebrou de novo e o técnico vem amanhã.",
                "Enprimant lan bezwen terapi, papye a bloke ankò, motè a an pàn.",
                "Speech log 4/2\nGoal: articulation of /s/ blends.\nWorked on word lists.\nTherapist sends practice sheet home.",
                "Konseyè a di l manke yon kredi syans pou l gradye; l ap pran l semès pwochen.");
        assertHeld(
                "Psychology consult this semester: she says the man in Reynosa still calls her.",
                "In psychology class she told the teacher that her uncle hit her.",
                "The van broke down on the way to therapy; in therapy she said the man wants his money back.",
                "Printer jammed again. Therapy moved to Thursday.",
                "Speech log 4/2\nGoal: articulation.\nTherapist notes he is quiet and misses his mom.",
                "Konseye lekòl la rele m pou di m ke li te vann dwòg nan Tegucigalpa.",
                "Konseyè a di pwofesè a an konfidans ke li te konn dòmi nan lari.",
                // Kreyòl "li" is he, she or it: it keeps even a machine's joke held (fail closed).
                "Enprimant lan bezwen terapi, li an pàn ankò.");
    }

    /**
     * What the forty-eighth writer taught (policy 2026.12.20), in other words: the staff's own work life (a joke about
     * needing therapy after an audit, retirement or tardiness counseling) crosses in the five languages; the same
     * words beside a child, a pronoun, a telling or an intake still hold.
     */
    @Test
    void theStaffsOwnWorkLifeIsNoTherapy() {
        assertCross(
                "ugh, the licensing visit took all day, we all need therapy lol",
                "HR: verbal counseling for tardiness documented, copy to the personnel file.",
                "Recordatorio de RR.HH.: consejería de retiro con el asesor financiero el viernes.",
                "Après l'audit de ce matin, j'ai besoin d'un psy mdr.",
                "kkkk depois dessa auditoria preciso de terapia",
                "Apre odit la, m bezwen yon terapi lol");
        assertHeld(
                "lol that audit was brutal. The girl said in therapy that the coyote still calls.",
                "After the budget meeting she told her therapist that her uncle beat her.",
                "Budget meeting moved; therapy for the new intakes is on Tuesday.",
                "Consejería de retiro: la niña contó que debe dinero al coyote.",
                "Après l'audit, elle a raconté en thérapie que son oncle la frappait.");
    }

    /**
     * What the forty-ninth writer taught (policy 2026.12.21), in other words: a dish or a chore said to be therapy and a
     * product named so cross; the same figure of speech beside a telling and a harm still holds, in every language,
     * because a relative who hit or beat the child is a harm of its own now (the exclusion had shown that it was not).
     */
    @Test
    void figuresOfSpeechAndBrandsCrossButNotTheTellingBesideThem() {
        assertCross(
                "Weeding the garden is pure therapy, says the cook.",
                "New in the supply room: 'Repair Therapy' conditioner, one per dorm.",
                "Pelar papas es mi terapia, dice Don Beto.",
                "Le ménage du samedi, c'est ma thérapie, dit la monitrice.",
                "Lavar a louça é a minha terapia, diz a cozinheira.",
                "Pou Madan Jo, fè diri se yon vrè terapi.",
                "Attorney room: Ms. Lin counseling her client about the asylum form, 2-3 pm.");
        assertHeld(
                "Weeding is pure therapy, she said, and then she told me her uncle hit her.",
                "Pelar papas es su terapia, dijo, y me contó que su padrastro la golpeaba.",
                "Le ménage c'est sa thérapie; elle m'a raconté que son beau-père la battait.",
                "Lavar a louça é terapia pura, disse ela, e contou que o tio batia nela.",
                "Fè diri se yon vrè terapi, li di m, epi li rakonte ke bòpè l te konn bat li.",
                "Licensing finding: a page from the clinical record stating that the sponsor is not related to her.");
    }

    /**
     * What the fiftieth writer taught (policy 2026.12.22), in other words: a "relative" who is none ("not her aunt but
     * the smuggler's girlfriend"), a counselor named by the child they follow ("the girl's counselor told me"), and a
     * clinician of the unit who told staff, each beside what was told; a TB regimen named by its drugs is medicine.
     */
    @Test
    void aRelativeWhoIsNoneAndTheChildsOwnCounselorAreHeldButATbRegimenCrosses() {
        assertHeld(
                "Per the nurse, the boy said that the woman on his sponsor form is not really his aunt.",
                "La enfermera dijo que el tío que aparece en el formulario no es su tío sino el que lo cruzó.",
                "L'infirmière a dit que le parrain n'est pas son oncle mais un homme rencontré sur Facebook.",
                "A enfermeira contou que a patrocinadora não é tia dela de verdade.",
                "Enfimyè a di ke moun ki sou fòm nan se pa tonton l vre.",
                "O conselheiro do menino me passou ontem que ele vendia droga no bairro.",
                "Konseye ti gason an di m li te konn vann dwòg pou bandi yo.",
                "La psicóloga del programa informó a este investigador que le vendía cristal a otros chavos.");
        assertCross(
                "LTBI: start rifapentine/isoniazid therapy weekly x12 at the county TB clinic, DOT by the nurse.",
                "Dentista: abscesso no molar, antibioterapia com amoxicilina 7 dias.",
                "Doktè a kòmanse terapi pou TB latant, 12 semèn. Pa bezwen izole.",
                "Saturday: 'Zumba therapy' for staff in the gym, bring sneakers.");
    }

    /**
     * What the fifty-first writer taught (policy 2026.12.23), in other words: a case file's counseling section, a
     * sponsor with no family tie to the child and a child who lied about their age, each told by a counselor or quoted
     * from a note, are held in every language; a team that "deserves group therapy" after an inspection crosses.
     */
    @Test
    void aFilesCounselingSectionAndANoRelativeOrAgeLieAreHeldButATeamJokeCrosses() {
        assertHeld(
                "Records audit: the counseling section of the file has 4 signed notes.",
                "Auditoría: la sección de psicología del expediente tiene cuatro notas.",
                "Audit du dossier : le volet psychologique contient quatre comptes rendus.",
                "Auditoria: a seção de psicologia do prontuário tem quatro notas.",
                "Odit: seksyon sante mantal dosye a gen kat nòt.",
                "The counselor who sees him on Tuesdays called: he told her the man has no relation to him.",
                "La consejera llamó: él le dijo que mintió sobre su edad en la frontera.",
                "La conseillère a appelé : il lui a dit que cet homme n'a aucun lien de parenté avec lui.",
                "A conselheira ligou: ele disse que não tem nenhum parentesco com ele, o homem de Boston.",
                "Konseye a rele: li di l ke li te bay manti sou laj li nan fwontyè a.",
                "CM a voye nòt konseye a.",
                "Selon le centre d'écoute, il a reconnu qu'il a acheté un faux acte de naissance à Conakry.");
        assertCross(
                "After that licensing inspection the whole team deserves group therapy, or at least a pizza party.",
                "Depois dessa correição a equipe inteira merece terapia de grupo, ou pelo menos um churrasco.",
                "Después de la inspección todo el equipo necesita terapia de grupo, o una carne asada.",
                "Nòt lekòl: konseye a voye nòt yo, li gen 85 an matematik.");
    }

    /**
     * What the fifty-second writer taught (policy 2026.12.24), in other words: feeding, skin and iron therapies,
     * nutrition and lactation counseling, care products named therapy, a tired staff member who will "end up at the
     * shrink", and an attorney counseling a child on her rights cross in every language; a child who goes to
     * counseling, or what she said there, stays held beside the same words.
     */
    @Test
    void aLawyersCounselAndFeedingTherapyCrossButAChildInCounselingIsHeld() {
        assertCross(
                "From: J. Ruiz, Esq.\nI'll be counseling Dayana on her options before Monday's master calendar hearing.",
                "Feeding therapy with OT on Thursdays; try thicker purees. Restock 'Skin Therapy' lotion.",
                "Terapia de alimentación con la OT los jueves. Consejería de lactancia en WIC: buen agarre.",
                "Thérapie alimentaire avec l'ergothérapeute jeudi. Conseils en allaitement à la PMI.",
                "Terapia alimentar com a fono na quinta; aconselhamento em amamentação no posto.",
                "Enfimyè a: kòmanse terapi fè silfat 325 mg chak jou pou anemi.",
                "Two nights of teething, I'm gonna end up in the psych ward lol",
                "Deux nuits sans dormir, je vais finir à l'asile moi.",
                "Três plantões seguidos, vou acabar no hospício kkk");
        assertHeld(
                "From: J. Ruiz, Esq.\nDayana goes to counseling on Mondays before the hearing.",
                "From: J. Ruiz, Esq.\nIn counseling she told me her stepfather beat her.",
                "Terapia de alimentación, y en la sesión con la psicóloga contó que su tío la golpeaba.",
                "Terapi fè l pale sou sa k te pase nan fwontyè a.",
                "Le jeune va finir en psychiatrie s'il continue de se scarifier.");
    }

    /**
     * What the fifty-third writer taught (policy 2026.12.25), in other words: a telling in the present tense after an
     * abbreviated patient ("la pte. expresa que"), numbing with stolen pills, a child's counselor named by the
     * possessive in Kreyòl, the records of mental health by their capitals, and the clinical words of grief care are
     * held; HIV triple therapy crosses in every language.
     */
    @Test
    void presentTellingsGriefCareAndMhRecordsAreHeldButTripleTherapyCrosses() {
        assertHeld(
                "En la consulta 3 la pcte. relata que robaba los calmantes de su tía para no sentir nada.",
                "Per the BH chart he stated that he hid guns for his cousin.",
                "Konseyè li te di m ke yo te vann li bay mesye nan yon ba.",
                "Sessions focus on Worden's tasks of mourning after the father's death.",
                "Se trabajó el duelo complicado por la muerte de la abuela.",
                "Suivi : deuil compliqué depuis le décès du père.",
                "Acompanhamento do luto após a morte da mãe, duas vezes por semana.",
                "Apre lanmò manman l, li nan gwoup dèy chak mèkredi.");
        assertCross(
                "HIV triple therapy adherence checked nightly by the nurse.",
                "Sigue con triterapia antirretroviral; carga viral indetectable.",
                "Trithérapie bien prise, charge virale indétectable.",
                "Segue com a terapia tripla antirretroviral, carga viral indetectável.",
                "Triterapi a byen pran, chaj viral la pa detektab.");
    }

    /**
     * What the fifty-fourth writer taught (policy 2026.12.26), in other words: a worker "who follows him" and what he
     * "would have said", papers that were bought and nude photos asked in exchange for a room are held; a Kreyòl
     * lawyer who counsels a youth, weekly physio sessions and driving, job and budget sessions cross.
     */
    @Test
    void aConditionalTellingAndExploitationAreHeldButALawyersAdviceAndDrivingSessionsCross() {
        assertHeld(
                "Selon l'intervenante en santé mentale, elle aurait dit que ses papiers ont été achetés à Labé.",
                "The girl told staff the sponsor wanted intimate pictures in exchange for a room.",
                "La joven contó que el patrocinador le pedía fotos íntimas a cambio de la renta.",
                "A menina disse que o padrinho pedia fotos íntimas em troca de moradia.",
                "Li di m ke mesye a te mande l foto toutouni an echanj lojman.");
        assertCross(
                "Mèt Joseph, avoka: konseye jèn nan pa pale ak ICE san li.",
                "Fizyoterapi pou cheviy la: 2 sesyon chak semèn, ortopedi.",
                "Behind-the-wheel session Saturday; budgeting session moved to Monday.",
                "Sesión de manejo el sábado; sesión de búsqueda de empleo el lunes.",
                "Aula de direção no sábado; sessão de currículo na segunda.",
                "Sesyon kondui samdi a, sesyon CV lendi.",
                // chat typed without capitals keeps its sentences: the uncle before "anfòm." is no unless cue here
                "m rive kay tonton m, tout bagay anfòm. mèsi anpil, fizyoterapi pou jenou: 2 sesyon chak semèn, ortopedi.");
    }

    /**
     * 450 routine notes in the five languages, written for this test by two authors who had not seen the dictionary:
     * 200 with words that look like a disclosure (a sponsor's DUI, a history lesson, a narcocorrido, "they beat us
     * 4-1", a cooking burn, a threat between roommates told as it happened) and 250 in the look-alike classes
     * (physio, legal, session, everyday, routine). Every one must cross.
     */
    @Test
    void routineNotesWithHarmWordsInOtherSensesCross() throws Exception {
        assertEquals(200, crossesAll("/scan/benign-lookalike-notes.tsv"));
        assertEquals(250, crossesAll("/scan/benign-lookalike-notes-2.tsv"));
    }

    /** Scans the last tab-separated field of every line and asserts no hit; answers the number of lines. */
    private static int crossesAll(String resource) throws Exception {
        List<String> lines;
        try (var in = PairCuesTest.class.getResourceAsStream(resource)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (String line : lines) {
            String text = line.substring(line.lastIndexOf('\t') + 1);
            assertEquals(List.of(), terms(text), line);
        }
        return lines.size();
    }

    @Test
    void aSessionExplainedByItsCareStillLeavesItsDisclosureHeld() {
        // A session the sentence places in physio, with a harmless telling: forwarded.
        assertEquals(List.of(), terms("PT session for the sprained ankle: she told staff the brace feels better."));
        // The same session with a harm told in it: the session pair goes, the disclosure pair stays.
        assertEquals(List.of("she told … whipped her with"),
                terms("PT session for the sprained ankle: she told staff her stepfather whipped her with a cord."));
    }

    @Test
    void aSchoolCounselorNamedTwiceIsForwardedAndACounselorWhoHeardAHarmIsNot() {
        assertEquals(List.of(), terms("The school counselor phoned about credits. The counselor will see her Tuesday."));
        assertTrue(BUNDLED.matches("The school counselor phoned about credits. The counselor says she cried about the journey."));
    }

    /** Every text holds with the bundled policy (the text names itself when it does not). */
    private static void assertHeld(String... texts) {
        for (String text : texts) {
            assertTrue(BUNDLED.matches(text), text);
        }
    }

    /** No text has a term or pair hit with the bundled policy. */
    private static void assertCross(String... texts) {
        for (String text : texts) {
            assertEquals(List.of(), terms(text), text);
        }
    }

    private static List<String> terms(String text) {
        return BUNDLED.scan(text).stream().map(TermMatch::term).toList();
    }
}
