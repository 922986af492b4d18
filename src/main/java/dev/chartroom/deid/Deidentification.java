package dev.chartroom.deid;

import dev.chartroom.db.StoredSecrets;
import dev.chartroom.extract.DrugNames;
import dev.chartroom.tenant.OrganizationId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The de-identification module's entry: for one organization, the rules that turn an upload's
 * records and texts into their Safe Harbor form ({@link RecordDeidentifier}, {@link TextDeidentifier}).
 * Each organization's pseudonyms and date offsets come from its own secret, derived from one random
 * key kept in the database, so every node computes the same pseudonyms.
 */
@Component
public class Deidentification {

    private static final String KEY_ID = "deidentification";

    private final StoredSecrets secrets;
    private final Clock clock;
    private final TextDeidentifier text = new TextDeidentifier(DrugNames::contains);
    private volatile byte[] key;

    Deidentification(StoredSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The rules for {@code organizationId}'s records. */
    public RecordDeidentifier forOrganization(OrganizationId organizationId) {
        return new RecordDeidentifier(
                text,
                new Pseudonyms(organizationSecret(organizationId)),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private byte[] organizationSecret(OrganizationId organizationId) {
        byte[] master = key;
        if (master == null) {
            master = secrets.secret(KEY_ID, 32);
            key = master;
        }
        return Pseudonyms.hmac(new SecretKeySpec(master, "HmacSHA256"), "organization:" + organizationId.value());
    }
}
