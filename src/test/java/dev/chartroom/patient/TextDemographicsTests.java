package dev.chartroom.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDemographicsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Patient: Ana Ruiz\\nDOB: 1962-05-01\\nSex: F\\nMRN: 448812                 | Ana Ruiz    | 1962-05-01 | female | 448812
            Patient Name: Doe, Jane\\nDate of Birth: 03/12/1980                       | Jane Doe    | 1980-03-12 | null   | null
            Name: Omar Haddad   Age: 54\\nD.O.B.: March 2, 1971                      | Omar Haddad | 1971-03-02 | null   | null
            A 67-year-old male presents with chest pain. Medical record number: A-99812 | null       | null       | male   | A-99812
            Patient: Unknown\\nMRN: pending                                           | null        | null       | null   | null
            Patient ID: 5521-B\\nGender: female                                       | null        | null       | female | 5521-B
            The patient reports fatigue. DOB unknown.                                  | null        | null       | null   | null
            """)
    void picksOutWhatTheTextStatesPlainly(String text, String name, LocalDate birthDate, String sex, String mrn) {
        PatientFacts facts = TextDemographics.read(text.replace("\\n", "\n"), TODAY);

        assertThat(facts.name()).isEqualTo(name);
        assertThat(facts.birthDate()).isEqualTo(birthDate);
        assertThat(facts.sex()).isEqualTo(sex);
        assertThat(facts.externalId()).isEqualTo(mrn);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"null", "''", "'   '"})
    void emptyTextHasNoDemographics(String text) {
        PatientFacts facts = TextDemographics.read(text, TODAY);
        assertThat(facts.name()).isNull();
        assertThat(facts.externalId()).isNull();
    }

    /** Lone CRs, NEL and no-break spaces read like the line feeds and spaces the labels expect. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\n", "\r\n", "\r", "\u0085"})
    void everyLineEndAndNoBreakSpaceReadsTheSame(String lineEnd) {
        String text = String.join(lineEnd, "Patient:\u00A0Ana Ruiz", "DOB: 1962-05-01", "Sex: F", "MRN: 448812");

        PatientFacts facts = TextDemographics.read(text, TODAY);

        assertThat(facts.name()).isEqualTo("Ana Ruiz");
        assertThat(facts.birthDate()).isEqualTo(LocalDate.of(1962, 5, 1));
        assertThat(facts.sex()).isEqualTo("female");
        assertThat(facts.externalId()).isEqualTo("448812");
    }
}
