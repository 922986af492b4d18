package dev.chartroom.deid;

import dev.chartroom.patient.Demographics;
import dev.chartroom.patient.EventFacts;
import dev.chartroom.patient.PatientFacts;
import dev.chartroom.patient.PatientSummary;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Safe Harbor for structured fields: names, phones, e-mails and addresses removed; the external id
 * replaced by its pseudonym; dates shifted by the patient's offset (a birth date that makes the
 * patient older than 89 is dropped and the age kept as "90+"); the ZIP kept to its first three
 * digits ({@code 000} where those three digits cover fewer than 20,000 people); free-text fields
 * de-identified like notes.
 */
public final class RecordDeidentifier {

    /** 3-digit ZIP prefixes with fewer than 20,000 people (HHS de-identification guidance, 2010 Census). */
    private static final Set<String> SPARSE_ZIP3 = Set.of(
            "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884",
            "890", "893");
    /** Attribute columns whose values identify a person or a place smaller than a state. */
    private static final Pattern IDENTIFYING_COLUMN = Pattern.compile(
            "(?i).*(name|phone|fax|mobile|cell|email|e_mail|mail|address|street|addr|city|town|county|ssn|social|mrn|record"
                    + "|account|acct|member|policy|insurance_id|plan_id|license|licence|certificate|passport|vin|plate|serial"
                    + "|device|url|website|ip|birth|dob|death|zip|postal|photo|image|biometric|finger|contact|guardian|spouse"
                    + "|mother|father|employer|latitude|longitude|lat|lon|geo).*");

    private static final Pattern DATE_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private final TextDeidentifier text;
    private final Pseudonyms pseudonyms;
    private final LocalDate today;

    public RecordDeidentifier(TextDeidentifier text, Pseudonyms pseudonyms, LocalDate today) {
        this.text = text;
        this.pseudonyms = pseudonyms;
        this.today = today;
    }

    /** The subject a patient's texts are de-identified for: their names and date offset. */
    public Subject subject(PatientFacts patient) {
        return new Subject(names(patient), pseudonyms.dateShiftDays(patient.externalId()));
    }

    public PatientFacts patient(PatientFacts p) {
        if (Pseudonyms.isPseudonym(p.externalId())) {
            return p;
        }
        Subject subject = subject(p);
        var attributes = new LinkedHashMap<String, String>();
        attributes.put(PatientFacts.DEIDENTIFIED_BY, TextDeidentifier.METHOD);
        LocalDate birthDate = p.birthDate() == null ? null : p.birthDate().plusDays(subject.dateShiftDays());
        if (p.birthDate() != null && p.birthDate().plusYears(90).isBefore(today.plusDays(1))) {
            birthDate = null;
            attributes.put("age", "90+");
        }
        attributes.putAll(attributes(p.attributes(), subject));
        return new PatientFacts(
                pseudonyms.externalId(p.externalId()),
                null,
                null,
                null,
                birthDate,
                p.sex(),
                null,
                null,
                p.diagnosis() == null
                        ? null
                        : text.deidentify(p.diagnosis(), subject).text(),
                zip(p.zip()),
                Map.copyOf(attributes));
    }

    /** An event of the patient {@code externalId} (as uploaded): its patient pseudonymized, its date shifted. */
    public EventFacts event(EventFacts e) {
        if (Pseudonyms.isPseudonym(e.externalId())) {
            return e;
        }
        Subject subject = new Subject(List.of(), pseudonyms.dateShiftDays(e.externalId()));
        Map<String, String> attributes = attributes(e.attributes(), subject);
        return new EventFacts(
                pseudonyms.externalId(e.externalId()),
                e.eventId() == null ? null : pseudonyms.externalId(e.eventId()),
                e.date() == null ? null : shiftedOrText(e.date(), subject),
                e.type(),
                e.value() == null ? null : text.deidentify(e.value(), subject).text(),
                e.unit(),
                Map.copyOf(attributes));
    }

    /**
     * The pseudonym of one of the patient's own ids (external id, MRN, PatientRecordId, AppointmentId);
     * a pseudonym stays itself, so a de-identified record sent again maps to the same one.
     */
    public String pseudonym(String id) {
        return id == null || Pseudonyms.isPseudonym(id) ? id : pseudonyms.externalId(id);
    }

    /**
     * What texts about the patient known by {@code externalId} (as sent, or the pseudonym stored for
     * them) are de-identified for: the names the record still holds, and their date offset.
     */
    public Subject subject(String externalId, List<String> names) {
        return new Subject(names, pseudonyms.dateShiftDays(externalId));
    }

    /** What texts about a stored patient are de-identified for: the names their record holds, their offset. */
    public Subject subject(PatientSummary stored) {
        return subject(
                stored.externalId(),
                names(new PatientFacts(
                        stored.externalId(),
                        stored.name(),
                        stored.firstName(),
                        stored.lastName(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of())));
    }

    /** A free-text field about {@code subject}, de-identified. */
    public String text(String value, Subject subject) {
        return value == null ? null : text.deidentify(value, subject).text();
    }

    /**
     * A date of the patient known by {@code externalId} (YYYY-MM-DD, with anything after it, or
     * MM/DD/YYYY), shifted by their offset and written YYYY-MM-DD; anything else read as text.
     */
    public String date(String value, String externalId) {
        if (value == null) {
            return null;
        }
        Subject subject = subject(externalId, List.of());
        var us = US_DATE.matcher(value.strip());
        if (us.matches()) {
            try {
                return LocalDate.of(
                                Integer.parseInt(us.group(3)),
                                Integer.parseInt(us.group(1)),
                                Integer.parseInt(us.group(2)))
                        .plusDays(subject.dateShiftDays())
                        .toString();
            } catch (java.time.DateTimeException e) {
                return Identifier.DATE.surrogate();
            }
        }
        return shiftedOrText(value.strip(), subject);
    }

    /**
     * A birth date as {@link #date} shifts it; null when it makes the patient older than 89 (the
     * rule keeps neither the date nor its year); {@code [DATE]} when it is no date, so that what
     * checks it still says so.
     */
    public String birthDate(String value, String externalId) {
        if (value == null) {
            return null;
        }
        var born = Demographics.birthDate(value, today);
        if (born.isEmpty()) {
            return Identifier.DATE.surrogate();
        }
        if (!born.get().plusYears(90).isAfter(today)) {
            return null;
        }
        return born.get().plusDays(pseudonyms.dateShiftDays(externalId)).toString();
    }

    /** Extra columns of a row about {@code subject}: identifying ones dropped, the rest de-identified. */
    public Map<String, String> attributes(Map<String, String> columns, Subject subject) {
        var kept = new LinkedHashMap<String, String>();
        columns.forEach((column, value) -> {
            if (!IDENTIFYING_COLUMN.matcher(column).matches() && value != null) {
                kept.put(column, shiftedOrText(value, subject));
            }
        });
        return kept;
    }

    /** A note about the patient, de-identified for them. */
    public Deidentified note(String note, PatientFacts patient) {
        return text.deidentify(note, subject(patient));
    }

    /** The first three digits of a US ZIP code, {@code 000} for the sparse areas; anything else is dropped. */
    static String zip(String zip) {
        if (zip == null) {
            return null;
        }
        String digits = zip.strip();
        if (!digits.matches("\\d{5}(?:-?\\d{4})?")) {
            return null;
        }
        String prefix = digits.substring(0, 3);
        return SPARSE_ZIP3.contains(prefix) ? "000" : prefix;
    }

    private String shiftedOrText(String value, Subject subject) {
        if (DATE_VALUE.matcher(value).matches()) {
            try {
                LocalDate date = LocalDate.parse(value.substring(0, 10));
                return date.plusDays(subject.dateShiftDays()) + value.substring(10);
            } catch (DateTimeParseException e) {
                return Identifier.DATE.surrogate();
            }
        }
        return text.deidentify(value, subject).text();
    }

    private static List<String> names(PatientFacts p) {
        var names = new java.util.ArrayList<String>();
        for (String n : new String[] {p.name(), p.firstName(), p.lastName()}) {
            if (n != null && !n.isBlank() && !n.toLowerCase(Locale.ROOT).equals("unknown")) {
                names.add(n);
            }
        }
        return names;
    }
}
