package dev.chartroom.deid;

/**
 * The kinds of identifier HIPAA Safe Harbor (45 CFR 164.514(b)(2)) names, as the free-text
 * de-identifier finds them, each with the surrogate it leaves in their place. Biometric identifiers
 * and full-face photographs are not text: an anonymized upload keeps no images and no original file.
 */
enum Identifier {
    /** (A) names of the person, relatives, employers, household members, clinicians. */
    NAME("[NAME]"),
    /** (B) geographic subdivisions smaller than a state: street address, city, county. */
    LOCATION("[LOCATION]"),
    /** (B) ZIP codes (the structured field keeps its first three digits). */
    ZIP("[ZIP]"),
    /** (C) date elements other than the year; shifted dates are written {@code [DATE yyyy-MM-dd]}. */
    DATE("[DATE]"),
    /** (C) ages over 89 and their birth years, written {@code [AGE 90+]}. */
    AGE("[AGE 90+]"),
    /** (D, E) telephone and fax numbers. */
    PHONE("[PHONE]"),
    /** (F) electronic mail addresses. */
    EMAIL("[EMAIL]"),
    /** (G) social security numbers. */
    SSN("[SSN]"),
    /** (H–K) medical record, health plan, account, certificate and licence numbers. */
    RECORD("[ID]"),
    /** (L, M) vehicle identifiers and plates, device identifiers and serial numbers. */
    DEVICE("[DEVICE]"),
    /** (N) web addresses. */
    URL("[URL]"),
    /** (O) IP addresses. */
    IP("[IP]"),
    /** (R) any other unique identifying number or code. */
    OTHER("[ID]");

    private final String surrogate;

    Identifier(String surrogate) {
        this.surrogate = surrogate;
    }

    /** What replaces an identifier of this kind in the text. */
    public String surrogate() {
        return surrogate;
    }
}
