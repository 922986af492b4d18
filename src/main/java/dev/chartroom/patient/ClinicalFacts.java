package dev.chartroom.patient;

import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.text.Text;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Medications and allergies of patients, by source; storing a source's facts replaces its earlier ones. */
@Repository
class ClinicalFacts {

    private static final String DELETE_MEDICATIONS = """
            delete from patient_medication where organization_id = ? and patient_id = ? and source = ?
            """;
    private static final String INSERT_MEDICATION = """
            insert into patient_medication (patient_id, organization_id, source, position, name, ingredients, dose, route,
                                            frequency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String DELETE_ALLERGIES = """
            delete from patient_allergy where organization_id = ? and patient_id = ? and source = ?
            """;
    private static final String INSERT_ALLERGY = """
            insert into patient_allergy (patient_id, organization_id, source, position, substance, reaction)
            values (?, ?, ?, ?, ?, ?)
            """;
    private static final String MEDICATIONS = """
            select name, ingredients, dose, route, frequency, source from patient_medication
            where organization_id = :organizationId and patient_id = :patientId order by source, position
            """;
    private static final String ALLERGIES = """
            select substance, reaction, source from patient_allergy
            where organization_id = :organizationId and patient_id = :patientId order by source, position
            """;

    /** How a medication's ingredients are kept in one column. */
    private static final String INGREDIENTS = "; ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ClinicalFacts(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void replace(
            OrganizationId organizationId,
            long patientId,
            String source,
            List<PatientMedication> medications,
            List<PatientAllergy> allergies) {
        batch.update(DELETE_MEDICATIONS, organizationId.value(), patientId, source);
        batch.update(DELETE_ALLERGIES, organizationId.value(), patientId, source);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < medications.size(); i++) {
            PatientMedication m = medications.get(i);
            String ingredients =
                    m.ingredients().isEmpty() ? null : Text.cut(String.join(INGREDIENTS, m.ingredients()), 1000);
            rows.add(new Object[] {
                patientId,
                organizationId.value(),
                source,
                i,
                Text.cut(m.name(), 500),
                ingredients,
                Text.cut(m.dosage(), 200),
                Text.cut(m.route(), 100),
                Text.cut(m.frequency(), 200)
            });
        }
        batch.batchUpdate(INSERT_MEDICATION, rows);
        rows.clear();
        for (int i = 0; i < allergies.size(); i++) {
            PatientAllergy a = allergies.get(i);
            rows.add(new Object[] {
                patientId, organizationId.value(), source, i, Text.cut(a.substance(), 500), Text.cut(a.reaction(), 500)
            });
        }
        batch.batchUpdate(INSERT_ALLERGY, rows);
    }

    public List<PatientMedication> medications(OrganizationId organizationId, long patientId) {
        return jdbc.sql(MEDICATIONS)
                .param("organizationId", organizationId.value())
                .param("patientId", patientId)
                .query((rs, row) -> new PatientMedication(
                        rs.getString("name"),
                        ingredients(rs.getString("ingredients")),
                        rs.getString("dose"),
                        rs.getString("frequency"),
                        rs.getString("route"),
                        rs.getString("source")))
                .list();
    }

    private static List<String> ingredients(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(INGREDIENTS));
    }

    public List<PatientAllergy> allergies(OrganizationId organizationId, long patientId) {
        return jdbc.sql(ALLERGIES)
                .param("organizationId", organizationId.value())
                .param("patientId", patientId)
                .query((rs, row) ->
                        new PatientAllergy(rs.getString("substance"), rs.getString("reaction"), rs.getString("source")))
                .list();
    }
}
