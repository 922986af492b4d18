package dev.chartroom.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.ApplicationTest;
import dev.chartroom.support.Http.Multipart;
import dev.chartroom.support.TestOrganization;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A POST retried with the same Idempotency-Key gets the first answer and ingests nothing twice. */
class IdempotencyKeyIT extends ApplicationTest {

    static final String UPLOAD = "/api/pandora/upload-v2/upload";

    Multipart note(TestOrganization org, String text) {
        return new Multipart().file("file", "note.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8))
                .field("teamId", org.id()).field("groupId", "default");
    }

    @Test
    void aRetryReplaysTheFirstAnswer() {
        TestOrganization acme = newOrganization();
        var http = http();

        var first = http.post(UPLOAD, note(acme, "Patient: Ana Ruiz\nMRN: 1001\n"), "Authorization", "Bearer " + acme.key(),
                "Idempotency-Key", "retry-1");
        var retry = http.post(UPLOAD, note(acme, "Patient: Ana Ruiz\nMRN: 1001\nsomething else\n"),
                "Authorization", "Bearer " + acme.key(), "Idempotency-Key", "retry-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(http.get("/v1/uploads", acme.bearer()).json().get("data")).hasSize(1);
    }

    @Test
    void keysBelongToOneOrganizationAndOneRequest() {
        TestOrganization acme = newOrganization();
        TestOrganization other = newOrganization();
        var http = http();
        http.post(UPLOAD, note(acme, "Patient: Ana Ruiz\nMRN: 1002\n"), "Authorization", "Bearer " + acme.key(),
                "Idempotency-Key", "shared-key");

        var elsewhere = http.post(UPLOAD, note(other, "Patient: Bo Li\nMRN: 2002\n"), "Authorization", "Bearer " + other.key(),
                "Idempotency-Key", "shared-key");
        var anotherPath = http.postJson("/v1/groups", "{\"id\":\"g-1\",\"name\":\"G\"}", "Authorization", "Bearer " + acme.key(),
                "Idempotency-Key", "shared-key");

        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.header("Idempotent-Replayed")).isNull();
        assertThat(http.get("/v1/uploads", other.bearer()).json().get("data")).hasSize(1);
        assertThat(anotherPath.status()).isEqualTo(422);
        assertThat(http.get("/v1/groups", acme.bearer()).json().get("data")).hasSize(1);
    }

    @Test
    void refusalsAreReplayedButNotForStrangers() {
        TestOrganization acme = newOrganization();
        var http = http();

        var refused = http.postJson("/v1/groups", "{\"id\":\"\"}", "X-API-Key", acme.key(), "Idempotency-Key", "bad-1");
        var again = http.postJson("/v1/groups", "{\"id\":\"\"}", "X-API-Key", acme.key(), "Idempotency-Key", "bad-1");
        var anonymous = http.postJson("/v1/groups", "{\"id\":\"g\",\"name\":\"G\"}", "Idempotency-Key", "bad-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
