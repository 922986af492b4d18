package dev.chartroom.tenant;

/** What the credentials of one request amount to. */
sealed interface Authentication {

    /** No credential was sent. */
    record Missing() implements Authentication {}

    /** A credential was sent but matches no active key, or a required part is missing. */
    record Invalid() implements Authentication {}

    /** A valid key that names (through TENANT or access_token) an organization other than its own. */
    record OtherOrganization(Caller caller) implements Authentication {}

    record Authenticated(Caller caller) implements Authentication {}
}
