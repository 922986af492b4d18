package dev.chartroom.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The id of an organization (tenant), as every module carries it: never null or blank, and written
 * to JSON, logs and SQL parameters as the plain string it is ({@link #value()}).
 *
 * <p>Requests name organizations as strings (an admin path, a {@code teamId} field, a {@code TENANT}
 * header): an edge either parses them ({@link #parse(String)}, empty for a blank one, so that it
 * answers as it always did) or compares them with {@link Caller#organizationId()}'s value. Which
 * ids a new organization may take is {@code Onboarding}'s rule, not this type's.
 */
public record OrganizationId(String value) {

    public OrganizationId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An organization id is never null or blank.");
        }
    }

    /** The id a string names; refuses null and blank. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrganizationId of(String value) {
        return new OrganizationId(value);
    }

    /** The id a request names; empty when it names none (null or blank). */
    public static Optional<OrganizationId> parse(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new OrganizationId(value));
    }

    /** The id itself: what JSON, SQL parameters and logs carry. */
    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
