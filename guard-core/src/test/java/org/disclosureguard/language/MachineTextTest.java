package org.disclosureguard.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MachineTextTest {

    private static boolean machine(String chunk) {
        int read = MachineText.chunk(chunk + " next", 0);
        assertEquals(chunk.length(), read < 0 ? ~read : read, "the chunk ends at the white space");
        return read < 0;
    }

    @Test
    void structuredChunksAreMachineText() {
        assertTrue(machine("OBX|1|TX|RT-NOTE^Terapi"));
        assertTrue(machine("{\"resourceType\":\"Appointment\","));
        assertTrue(machine("\"comment\":\"Traer"));
        assertTrue(machine("session_id=9f2c1a7e"));
        assertTrue(machine("klas_id,seyans,dat,pwofesè"));
        assertTrue(machine("date;jeune;événement"));
        assertTrue(machine("<text>Le"));
        assertTrue(machine("(helpdesk@kaylespwa.example.org)"), "an e-mail address");
        assertTrue(machine("@maria_g"), "a handle");
        assertTrue(machine("https://portal.example.org/case/44"), "a web address");
    }

    @Test
    void wordsOfProseAreNot() {
        assertFalse(machine("Hello,"), "a comma that ends a word");
        assertFalse(machine("1,5"), "a decimal comma");
        assertFalse(machine("l'enfant"));
        assertFalse(machine("Kreyòl/Fransè"));
        assertFalse(machine("\"quoted\""));
        assertFalse(machine("y/o"));
        assertFalse(machine("02/10"), "a date");
        assertFalse(machine("and/or"));
        assertFalse(machine("@"), "a lone at sign");
        assertFalse(machine("Note:"));
    }

    /** A control character that is not white space once stalled the reader (a chunk of no chars): hostile input. */
    @Test
    void controlCharactersEndChunksAndNeverStallTheReader() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals("\u0000\u0007 x \u0001\u001F", MachineText.prose("\u0000\u0007 x \u0001\u001F"));
            String hostile = "\u0007Il\u0000ragazzo ha raccontato\u0001alla psicologa che lo zio a=b\u0085lo picchiava.";
            MachineText.prose(hostile);
            assertEquals(1, MachineText.chunk("a\u0000b", 0));
            assertEquals(1, MachineText.chunk("a\u0085b", 0));
        });
    }

    @Test
    void theDetectorReadsTheProseBetweenTheChunks() {
        String fhir = "{\"note\":[{\"text\":\"Il ragazzo ha raccontato alla psicologa che lo zio lo picchiava.\"}]}";
        assertEquals("ragazzo ha raccontato alla psicologa che lo zio lo", MachineText.prose(fhir).strip());
        assertEquals("plain prose stays as it is.", MachineText.prose("plain prose stays as it is."));
        assertEquals("a=b c=d", MachineText.prose("a=b c=d"), "too little prose left: the text itself");
    }
}
