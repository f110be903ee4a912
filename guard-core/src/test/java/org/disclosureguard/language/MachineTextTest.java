package org.disclosureguard.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }

    @Test
    void wordsOfProseAreNot() {
        assertFalse(machine("Hello,"), "a comma that ends a word");
        assertFalse(machine("1,5"), "a decimal comma");
        assertFalse(machine("l'enfant"));
        assertFalse(machine("Kreyòl/Fransè"));
        assertFalse(machine("\"quoted\""));
        assertFalse(machine("y/o"));
    }

    @Test
    void theDetectorReadsTheProseBetweenTheChunks() {
        String fhir = "{\"note\":[{\"text\":\"Il ragazzo ha raccontato alla psicologa che lo zio lo picchiava.\"}]}";
        assertEquals("ragazzo ha raccontato alla psicologa che lo zio lo", MachineText.prose(fhir).strip());
        assertEquals("plain prose stays as it is.", MachineText.prose("plain prose stays as it is."));
        assertEquals("a=b c=d", MachineText.prose("a=b c=d"), "too little prose left: the text itself");
    }
}
