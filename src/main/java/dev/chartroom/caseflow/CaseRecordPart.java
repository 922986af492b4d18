package dev.chartroom.caseflow;

import dev.chartroom.patient.PatientRecordPart;
import dev.chartroom.tenant.OrganizationId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A patient's cases, and the medications and allergies on them, as parts of the patient's record. */
@Component
class CaseRecordPart implements PatientRecordPart {

    private final Cases cases;

    CaseRecordPart(Cases cases) {
        this.cases = cases;
    }

    @Override
    public Map<String, List<?>> of(OrganizationId organizationId, long patientId) {
        List<Case> all = cases.ofPatient(organizationId, patientId);
        Map<String, List<?>> parts = new LinkedHashMap<>();
        parts.put("cases", all);
        parts.put(
                "medications",
                all.stream().flatMap(c -> c.medications().stream()).distinct().toList());
        parts.put(
                "allergies",
                all.stream().flatMap(c -> c.allergies().stream()).distinct().toList());
        return parts;
    }
}
