package org.disclosureguard.review.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.disclosureguard.review.ReviewService;
import org.junit.jupiter.api.Test;

/** The fields a redacted release may remove, as the record's page offers them: nested ones by their path. */
class RemovableFieldsTest {
    private static ReviewService.FieldView field(String path) {
        return new ReviewService.FieldView(path, "text", List.of());
    }

    @Test
    void nullableFieldsAreOfferedNestedOnesByPathEachRecordBeforeItsFields() {
        ReviewService.Detail detail = new ReviewService.Detail(null, List.of(), List.of(field("caseId"), field("caseNotes"),
                field("incident.category"), field("incident.summary"), field("placement.facilityName"),
                field("placement.dischargedAt"), field("child.firstName"), field("counseling.riskAssessment")),
                List.of(), null, List.of());
        // incident.summary is required inside a nullable incident: the incident goes as a whole, or the summary is cut
        assertEquals(List.of("caseNotes", "incident", "placement", "placement.dischargedAt", "counseling", "counseling.riskAssessment"),
                ReviewConsole.removableFields(detail));
    }
}
