package dev.chartroom.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.extract.ClinicalFragments;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * The text demographics reader and the date, sex, phone and name parsers answer for every string,
 * and what they answer is within the bounds a patient record keeps.
 */
@Tag("property")
class DemographicsPropertyTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static final List<String> LABELS = List.of(
            "Patient:",
            "Patient Name:",
            "Name:",
            "DOB:",
            "D.O.B.",
            "Date of birth:",
            "born on",
            "Sex:",
            "Gender:",
            "MRN:",
            "MRN #",
            "Medical record number:",
            "Patient ID:",
            "Phone:",
            "year-old",
            "67-year-old male",
            "Age: 54");
    private static final List<String> VALUES = List.of(
            "Ana Ruiz",
            "Doe, Jane",
            "O'Brien-Smith",
            "José Núñez",
            "Unknown",
            "1962-05-01",
            "03/12/1980",
            "02/30/1980",
            "March 2, 1971",
            "2 Mar 1971",
            "Sept. 31, 1990",
            "0000-00-00",
            "99999999999999999999-1-1",
            "19800312",
            "1980/3/12",
            "3000-01-01",
            "1849-12-31",
            "F",
            "M",
            "female",
            "other",
            "448812",
            "A-99812",
            "pending",
            "(555) 010-1234",
            "+1 212 555 0100",
            "555",
            "1".repeat(300),
            "\u0661\u0669\u0668\u0660-\u0660\u0663-\u0661\u0662",
            "１９８０-０３-１２");

    @Property
    void readingAnyTextGivesPlausibleDemographics(@ForAll("texts") String text) {
        PatientFacts facts = TextDemographics.read(text, TODAY);

        if (facts.birthDate() != null) {
            assertThat(facts.birthDate()).isBetween(LocalDate.of(1850, 1, 1), TODAY);
        }
        if (facts.sex() != null) {
            assertThat(facts.sex()).isIn("male", "female", "other", "unknown");
        }
        if (facts.firstName() != null) {
            assertThat(facts.firstName()).hasSizeLessThanOrEqualTo(Demographics.MAX_NAME_PART);
        }
        if (facts.lastName() != null) {
            assertThat(facts.lastName()).hasSizeLessThanOrEqualTo(Demographics.MAX_NAME_PART);
        }
        if (facts.externalId() != null) {
            assertThat(text).contains(facts.externalId());
        }
    }

    @Property
    void lineEndsDoNotChangeWhatIsRead(@ForAll("texts") String text) {
        String lf = text.replace("\r", "");
        PatientFacts expected = TextDemographics.read(lf, TODAY);

        for (String other : List.of(lf.replace("\n", "\r\n"), lf.replace("\n", "\r"))) {
            PatientFacts facts = TextDemographics.read(other, TODAY);
            assertThat(facts.name()).isEqualTo(expected.name());
            assertThat(facts.birthDate()).isEqualTo(expected.birthDate());
            assertThat(facts.sex()).isEqualTo(expected.sex());
            assertThat(facts.externalId()).isEqualTo(expected.externalId());
        }
    }

    @Property
    void anyValueIsADateOfBirthOrNot(@ForAll("values") String value) {
        Demographics.birthDate(value, TODAY)
                .ifPresent(date -> assertThat(date).isBetween(LocalDate.of(1850, 1, 1), TODAY));
    }

    @Property
    void anyValueIsAPhoneNumberOrNot(@ForAll("values") String value) {
        Demographics.phone(value).ifPresent(phone -> assertThat(phone).matches("\\+[1-9]\\d{5,14}"));
    }

    @Property
    void anyValueIsASexOrNot(@ForAll("values") String value) {
        Demographics.sex(value).ifPresent(sex -> assertThat(sex).isIn("male", "female", "other", "unknown"));
    }

    @Property
    void anyValueSplitsIntoNamePartsThatFit(@ForAll("values") String first, @ForAll("values") String last) {
        String[] parts = Demographics.firstAndLast(first + " " + last);

        for (String part : parts) {
            if (part != null) {
                assertThat(part).hasSizeLessThanOrEqualTo(Demographics.MAX_NAME_PART);
            }
        }
        String full = Demographics.fullName(parts[0], parts[1]);
        if (full != null) {
            assertThat(full).hasSizeLessThanOrEqualTo(Demographics.MAX_NAME);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(LABELS),
                Arbitraries.of(VALUES),
                ClinicalFragments.raw(),
                ClinicalFragments.notes(6),
                Arbitraries.of(" ", "", "\n", "\r\n", "\r", "  ", "\t", "\u00A0", ": ", ", "));
        return Arbitraries.oneOf(
                piece.list().ofMaxSize(30).map(parts -> String.join("", parts)), ClinicalFragments.raw());
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of(VALUES),
                ClinicalFragments.raw(),
                Arbitraries.strings().numeric().withChars("-/ .,+()").ofMaxLength(30),
                Arbitraries.of(VALUES).map(v -> " " + v + "\r\n"));
    }
}
