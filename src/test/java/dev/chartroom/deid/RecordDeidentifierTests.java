package dev.chartroom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.patient.EventFacts;
import dev.chartroom.patient.PatientFacts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordDeidentifierTests {

    private static final Pseudonyms ORGANIZATION = new Pseudonyms("organization one".getBytes(StandardCharsets.UTF_8));
    private static final RecordDeidentifier RECORDS =
            new RecordDeidentifier(TextDeidentifierTests.DEID, ORGANIZATION, LocalDate.of(2026, 12, 3));

    @Test
    void theSamePatientGetsTheSamePseudonymAndShiftOnEveryUploadOfItsOrganizationOnly() {
        var other = new Pseudonyms("organization two".getBytes(StandardCharsets.UTF_8));
        assertThat(ORGANIZATION.externalId("MRN-1"))
                .isEqualTo(ORGANIZATION.externalId("MRN-1"))
                .matches("anon-[a-z2-7]{20}")
                .isNotEqualTo(ORGANIZATION.externalId("MRN-2"))
                .isNotEqualTo(other.externalId("MRN-1"));
        assertThat(ORGANIZATION.dateShiftDays("MRN-1"))
                .isEqualTo(ORGANIZATION.dateShiftDays("MRN-1"))
                .isNotZero()
                .isBetween(-365, 365);
    }

    @Test
    void patientFieldsLoseNamesAndContactsAndKeepShiftedDates() {
        var patient = new PatientFacts(
                "MRN-1",
                "John Smith",
                "John",
                "Smith",
                LocalDate.of(1975, 7, 22),
                "male",
                "+15551234567",
                "john@example.org",
                "Type 2 diabetes; seen by Dr. Ana Ruiz",
                "62704",
                Map.of("city", "Springfield", "blood_type", "O+", "admitted", "2024-03-01"));
        PatientFacts anonymous = RECORDS.patient(patient);
        int shift = ORGANIZATION.dateShiftDays("MRN-1");
        assertThat(anonymous.externalId()).isEqualTo(ORGANIZATION.externalId("MRN-1"));
        assertThat(anonymous.name()).isNull();
        assertThat(anonymous.firstName()).isNull();
        assertThat(anonymous.lastName()).isNull();
        assertThat(anonymous.phone()).isNull();
        assertThat(anonymous.email()).isNull();
        assertThat(anonymous.birthDate()).isEqualTo(LocalDate.of(1975, 7, 22).plusDays(shift));
        assertThat(anonymous.zip()).isEqualTo("627");
        assertThat(anonymous.diagnosis()).isEqualTo("Type 2 diabetes; seen by Dr. [NAME]");
        assertThat(anonymous.attributes())
                .containsEntry("blood_type", "O+")
                .containsEntry(
                        "admitted", LocalDate.of(2024, 3, 1).plusDays(shift).toString())
                .doesNotContainKey("city");
        assertThat(RECORDS.patient(anonymous)).as("already de-identified").isEqualTo(anonymous);
    }

    @Test
    void anEventKeepsItsIntervalToTheBirthDate() {
        var patient = new PatientFacts(
                "MRN-1", null, null, null, LocalDate.of(1975, 7, 22), null, null, null, null, null, Map.of());
        var event = new EventFacts("MRN-1", "E-77", "2024-03-01T08:30:00Z", "glucose", "104", "mg/dL", Map.of());
        EventFacts anonymous = RECORDS.event(event);
        assertThat(anonymous.externalId()).isEqualTo(RECORDS.patient(patient).externalId());
        assertThat(anonymous.value()).isEqualTo("104");
        LocalDate shiftedDate = LocalDate.parse(anonymous.date().substring(0, 10));
        assertThat(ChronoUnit.DAYS.between(RECORDS.patient(patient).birthDate(), shiftedDate))
                .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(1975, 7, 22), LocalDate.of(2024, 3, 1)));
        assertThat(anonymous.date()).endsWith("T08:30:00Z");
    }

    @Test
    void aPatientOlderThan89KeepsOnlyTheAge() {
        var patient = new PatientFacts(
                "MRN-9", null, null, null, LocalDate.of(1930, 1, 1), null, null, null, null, null, Map.of());
        PatientFacts anonymous = RECORDS.patient(patient);
        assertThat(anonymous.birthDate()).isNull();
        assertThat(anonymous.attributes()).containsEntry("age", "90+");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            62704,      627
            62704-1234, 627
            03601,      000
            82301,      000
            ABCDE,      null
            1234,       null
            """)
    void zipKeepsThreeDigitsOrNoneForSparseAreas(String zip, String kept) {
        assertThat(RecordDeidentifier.zip(zip)).isEqualTo(kept);
    }

    @Test
    void aStoredPseudonymShiftsLikeTheIdItStandsForAndStaysItself() {
        String pseudonym = RECORDS.pseudonym("MRN-1");
        assertThat(RECORDS.pseudonym(pseudonym)).isEqualTo(pseudonym);
        assertThat(ORGANIZATION.dateShiftDays(pseudonym)).isEqualTo(ORGANIZATION.dateShiftDays("MRN-1"));
        assertThat(RECORDS.pseudonym(null)).isNull();
    }

    /** Structured dates of a row move by the patient's offset and come out as YYYY-MM-DD. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            2024-03-01,           2024-03-01
            2024-03-01T08:30:00Z, 2024-03-01
            03/01/2024,           2024-03-01
            3/1/2024,             2024-03-01
            """)
    void rowDatesShiftByThePatientsOffset(String value, String sameDay) {
        int shift = ORGANIZATION.dateShiftDays("MRN-1");
        assertThat(RECORDS.date(value, "MRN-1"))
                .startsWith(LocalDate.parse(sameDay).plusDays(shift).toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            13/45/2024, [DATE]
            null,       null
            """)
    void rowDatesThatAreNoDatesKeepNothingOfThem(String value, String kept) {
        assertThat(RECORDS.date(value, "MRN-1")).isEqualTo(kept);
    }

    @Test
    void aRowBirthDateOfSomeoneOver89IsDroppedAndAnUnreadableOneKeepsNothingOfItsValue() {
        int shift = ORGANIZATION.dateShiftDays("MRN-1");
        assertThat(RECORDS.birthDate("1975-07-22", "MRN-1"))
                .isEqualTo(LocalDate.of(1975, 7, 22).plusDays(shift).toString());
        assertThat(RECORDS.birthDate("07/22/1975", "MRN-1"))
                .isEqualTo(LocalDate.of(1975, 7, 22).plusDays(shift).toString());
        assertThat(RECORDS.birthDate("1930-01-01", "MRN-1")).isNull();
        assertThat(RECORDS.birthDate("not a date", "MRN-1")).isEqualTo("[DATE]");
        assertThat(RECORDS.birthDate(null, "MRN-1")).isNull();
    }

    @Test
    void rowColumnsThatIdentifyAreDroppedAndTheRestDeidentified() {
        var kept = RECORDS.attributes(
                Map.of(
                        "PharmacyName", "Rx Plus",
                        "Office", "Main",
                        "Comment", "call Dr. Ingrid Halvorsen",
                        "guardian_phone", "617-555-0142"),
                RECORDS.subject("MRN-1", java.util.List.of()));
        assertThat(kept).containsOnlyKeys("Office", "Comment").containsEntry("Office", "Main");
        assertThat(kept.get("Comment")).doesNotContain("Halvorsen").contains("[NAME]");
    }
}
