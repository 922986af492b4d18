package dev.chartroom.support;

import dev.chartroom.support.Http.Multipart;
import java.nio.charset.StandardCharsets;

/** Patients made for a test through the patient upload contract, as a client would make them. */
public final class TestPatients {

    private TestPatients() {}

    /** Creates (or updates) a patient with this MRN in the organization and returns its Chartroom id. */
    public static long create(Http http, TestOrganization org, String mrn, String firstName, String lastName) {
        http.postJson("/v1/groups", "{\"id\":\"test-patients\",\"name\":\"Test patients\"}", org.bearer());
        String csv = "patient_id,first_name,last_name,birth_date,phone,email\n" + mrn + "," + firstName + "," + lastName
                + ",1980-03-12,+15555550100,jane@example.org\n";
        var uploaded = http.post(
                "/api/pandora/upload-v2/upload",
                new Multipart()
                        .file("file", "patients.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
                        .field("teamId", org.id())
                        .field("groupId", "test-patients"),
                org.bearer());
        if (uploaded.status() != 200) {
            throw new IllegalStateException("could not create a patient: " + uploaded);
        }
        var found =
                http.get("/v1/patients?externalId=" + mrn, org.bearer()).json().get("data");
        return found.get(0).get("id").asLong();
    }
}
