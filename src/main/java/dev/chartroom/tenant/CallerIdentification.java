package dev.chartroom.tenant;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Tells who a request comes from without refusing it: for machinery that runs before controllers
 * (idempotent replays) and must key its records by organization. Refusals stay with the
 * authentication interceptor, in each endpoint's own error shape.
 */
@Component
public class CallerIdentification {

    private final CredentialCheck credentials;

    CallerIdentification(ApiKeys keys) {
        this.credentials = new CredentialCheck(keys);
    }

    /** The caller when the headers carry a valid credential for its own organization; else empty. */
    public Optional<Caller> identify(UnaryOperator<String> header) {
        return credentials.check(header) instanceof Authentication.Authenticated(Caller caller)
                ? Optional.of(caller)
                : Optional.empty();
    }
}
