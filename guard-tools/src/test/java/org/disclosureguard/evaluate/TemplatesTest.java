package org.disclosureguard.evaluate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    @Test
    void aTemplateFileThatCannotMakeEveryClassIsRefusedWithWhatIsMissing() {
        // Without the check, generating the corpus waited forever for a Spanish jargon sentence.
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Templates.load("evaluate/templates-incomplete-test.yaml"));
        assertTrue(refused.getMessage().contains("es.therapy.jargon is empty"), refused.getMessage());
        assertTrue(refused.getMessage().contains("fr.therapy.jargon needs {d} exactly once: no placeholder here"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("en."), refused.getMessage());
    }

    @Test
    void everyShippedTemplateFileCanMakeItsCorpus() {
        MultilingualCorpus.tuningLines();
        MultilingualCorpus.heldOutLines();
    }
}
