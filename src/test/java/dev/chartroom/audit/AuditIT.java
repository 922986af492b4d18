package dev.chartroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestFiles;
import dev.chartroom.support.TestOrganization;
import dev.chartroom.support.TestPatients;
import org.junit.jupiter.api.Test;

/** Every read of patient data is recorded: who, what, when; each organization sees only its own log. */
class AuditIT extends ApplicationTest {

    @Test
    void readsAndDownloadsAreRecordedWithTheirReader() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        var http = http();
        long patientId = TestPatients.create(http, acme, "AU-1", "Ada", "Audit");
        var pdf = http.post(
                        "/patients/" + patientId + "/pdf",
                        new Multipart()
                                .file("file", "a.pdf", "application/pdf", TestFiles.pdf("Patient: Ada Audit"))
                                .field("filename", "a.pdf"),
                        acme.apiKey())
                .json();

        http.get("/v1/patients/" + patientId, acme.bearer());
        http.get("/v1/patients?externalId=AU-1", acme.bearer());
        assertThat(http.get(pdf.get("url").asString()).status()).isEqualTo(200);
        http.get("/v1/patients/" + patientId, other.bearer());

        var events = http.get("/v1/audit", acme.bearer()).json().get("data");
        assertThat(events)
                .extracting(e ->
                        e.get("action").asString() + " " + e.get("subjectType").asString())
                .contains("read patient", "list patient", "download document");
        var read = http.get("/v1/audit?subjectType=patient&subjectId=" + patientId, acme.bearer())
                .json()
                .get("data");
        assertThat(read).hasSize(1);
        assertThat(read.get(0).get("actor").asString()).isEqualTo("key:" + acme.keyId());
        assertThat(read.get(0).get("at").asString()).isNotBlank();
        assertThat(http.get("/v1/audit", other.bearer()).json().get("data")).isEmpty();
        assertThat(http.get("/v1/audit").status()).isEqualTo(401);
    }
}
