package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleBasedExtractorTests {

    private static final RuleBasedExtractor extractor = new RuleBasedExtractor(DrugLexicon.load());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # sentence                                                               | current?
            She is taking lisinopril 10 mg daily.                                    | true
            Continue lisinopril.                                                     | true
            Started on lisinopril 5 mg.                                              | true
            Lisinopril 20 mg PO daily.                                               | true
            She stopped taking lisinopril last month.                                | false
            Lisinopril was discontinued because of cough.                            | false
            Lisinopril discontinued.                                                 | false
            Previously failed lisinopril.                                            | false
            Lisinopril was discussed but not started.                                | false
            He is no longer on lisinopril.                                           | false
            Not taking lisinopril.                                                   | false
            Allergic to lisinopril (angioedema).                                     | false
            History of lisinopril use.                                               | false
            Patient declined lisinopril.                                             | false
            Switched from lisinopril to losartan 50 mg daily.                        | false
            Lisinopril mentioned in the pamphlet.                                    | false
            """)
    void decidesWhetherADrugIsCurrent(String sentence, boolean current) {
        List<String> names = extractor.extract(sentence).medications().stream()
                .map(m -> m.name().toLowerCase())
                .toList();

        if (current) {
            assertThat(names).containsExactly("lisinopril");
        } else {
            assertThat(names).doesNotContain("lisinopril");
        }
    }

    @Test
    void aPositiveCueAfterANegationWins() {
        var extraction = extractor.extract("Stopped lisinopril due to cough and started losartan 50 mg daily.");

        assertThat(extraction.medications())
                .extracting(Medication::name, Medication::dose, Medication::frequency)
                .containsExactly(tuple("losartan", "50 mg", "daily"));
    }

    static Stream<Arguments> medicationLists() {
        return Stream.of(
                Arguments.of(
                        "Medications:\n- Metformin 500 mg PO BID\n- Lipitor 20 mg at bedtime",
                        List.of("Metformin|500 mg|PO|BID", "Lipitor|20 mg|null|QHS")),
                Arguments.of(
                        "# Medications\nlisinopril 10 mg oral tablet; aspirin 81 mg oral tablet\n\n# Plan\nrest",
                        List.of("lisinopril|10 mg|PO|null", "aspirin|81 mg|PO|null")),
                Arguments.of(
                        "Meds reviewed: fluticasone/salmeterol 250/50 mcg 1 puff BID, amoxicillin-clavulanate 875 mg BID",
                        List.of(
                                "fluticasone/salmeterol|250/50 mcg|null|BID",
                                "amoxicillin-clavulanate|875 mg|null|BID")),
                Arguments.of(
                        "Current medications: Coumadin 5 mg daily (on hold), Lasix 40 mg daily",
                        List.of("Lasix|40 mg|null|daily")),
                Arguments.of(
                        "MEDICATIONS\n1. Eliquis 5 mg BID\n2. Zoloft 50 mg daily",
                        List.of("Eliquis|5 mg|null|BID", "Zoloft|50 mg|null|daily")),
                Arguments.of("Medications: Wonderdrugex 20 mg PO daily", List.of("Wonderdrugex|20 mg|PO|daily")),
                Arguments.of("Medications: None.", List.of()));
    }

    @ParameterizedTest
    @MethodSource("medicationLists")
    void readsMedicationLists(String note, List<String> expected) {
        var medications = extractor.extract(note).medications().stream()
                .map(m -> m.name() + "|" + m.dose() + "|" + m.route() + "|" + m.frequency())
                .toList();

        assertThat(medications).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> allergyNotes() {
        return Stream.of(
                Arguments.of("Allergies: NKDA", List.of()),
                Arguments.of("ALLERGIES: No known drug allergies.", List.of()),
                Arguments.of("No known drug allergies. Takes aspirin 81 mg daily.", List.of()),
                Arguments.of("Patient denies allergies to medications.", List.of()),
                Arguments.of("She is not allergic to penicillin.", List.of()),
                Arguments.of("Allergic to penicillin (hives).", List.of("penicillin|hives")),
                Arguments.of("Penicillin allergy - rash.", List.of("Penicillin|rash")),
                Arguments.of("Intolerant of codeine (nausea).", List.of("codeine|nausea")),
                Arguments.of(
                        "Allergic to peanuts and shellfish, which cause anaphylaxis.",
                        List.of("peanuts|anaphylaxis", "shellfish|anaphylaxis")),
                Arguments.of(
                        "# Allergies\nlatex (substance), bee stings\n\n# Medications\nNo Active Medications.",
                        List.of("latex|null", "bee stings|null")),
                Arguments.of(
                        "Allergies:\n- Sulfa: rash\n- Morphine - itching, hives",
                        List.of("Sulfa|rash", "Morphine|itching, hives")),
                Arguments.of("Also uses albuterol 2 puffs PRN. Sulfa drugs cause rash.", List.of("Sulfa|rash")),
                Arguments.of("Codeine gives her hives.", List.of("Codeine|hives")),
                Arguments.of("Exercise causes shortness of breath.", List.of()),
                Arguments.of("Penicillin does not cause a rash.", List.of()));
    }

    @ParameterizedTest
    @MethodSource("allergyNotes")
    void readsAllergies(String note, List<String> expected) {
        var extraction = extractor.extract(note);
        var allergies = extraction.allergies().stream()
                .map(a -> a.substance() + "|" + a.reaction())
                .toList();

        assertThat(allergies).containsExactlyElementsOf(expected);
        assertThat(allergies)
                .noneMatch(a ->
                        a.toLowerCase().startsWith("nkda") || a.toLowerCase().startsWith("no "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   \n\t  ",
                "Medications:",
                "# Allergies\n\n# Medications\n",
                "mg mg mg 10 20 30",
                "The meeting is moved to Thursday; bring the budget and the signed lease.",
                "Weather today: sunny, 24 degrees, light wind from the west.",
                "(((((",
                "::::;;;;----",
                "allergic to",
                "Allergies: (",
                "Penicillin allergy -"
            })
    void malformedOrNonClinicalTextGivesNothingOrLittle(String text) {
        var extraction = extractor.extract(text);

        assertThat(extraction.medications()).isEmpty();
        assertThat(extraction.provider()).isEqualTo("builtin");
        assertThat(extraction.fallbackReason()).isNull();
        assertThat(extraction.allergies()).allMatch(a -> a.substance().equalsIgnoreCase("penicillin"));
    }

    /** Reads a megabyte whole; the timeout only catches a quadratic blow-up (speed itself is for bench/, not a test). */
    @Test
    @Timeout(60)
    void aMegabyteOfTextIsReadWhole() {
        String note = "Medications: metformin 500 mg PO BID, lisinopril 10 mg daily. Allergic to penicillin (hives). "
                + "Patient is doing well, walking daily; no complaints today. ";
        String huge = note.repeat(1_000_000 / note.length() + 1);
        String noPunctuation = "a".repeat(500_000) + " " + "allergic to ".repeat(40_000);

        var extraction = extractor.extract(huge);
        var nothing = extractor.extract(noPunctuation);

        assertThat(huge.length()).isGreaterThan(1_000_000);
        assertThat(extraction.medications()).extracting(Medication::name).containsExactly("metformin", "lisinopril");
        assertThat(extraction.allergies()).extracting(Allergy::substance).containsExactly("penicillin");
        assertThat(nothing.medications()).isEmpty();
    }

    @Test
    void spansPointIntoTheText() {
        String note = "Plan: start amlodipine 5 mg PO daily. Allergic to sulfa (rash).";
        var extraction = extractor.extract(note);

        Medication amlodipine = extraction.medications().getFirst();
        assertThat(note.substring(amlodipine.span().start(), amlodipine.span().end()))
                .isEqualTo("amlodipine 5 mg PO daily");
        Allergy sulfa = extraction.allergies().getFirst();
        assertThat(note.substring(sulfa.span().start(), sulfa.span().end())).isEqualTo("sulfa (rash)");
    }

    // ---- regressions: each found by ExtractionPropertyTests (issue 19) ----

    /** A heading read to its line end held the next header: its section ran backwards ("start > end"). */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "NOTE: 3rd. Medications:",
                "CALL: 10th. Allergies: sulfa.",
                "NOTE:\nCALL: 1st. Meds reviewed",
                "NOTE: Medications: Medications: Medications:. Medications: ",
                "TELEPHONE ENCOUNTER: 2nd. # Allergies"
            })
    void aHeadingFollowedByAnotherOnItsLineGivesSectionsInOrder(String note) {
        var extraction = extractor.extract(note);

        int at = 0;
        for (var section : Sections.of(note)) {
            assertThat(section.start()).isBetween(at, note.length());
            assertThat(section.end()).isBetween(section.start(), note.length());
            at = section.end();
        }
        ExtractionPropertyTests.assertConsistent(note, extraction);
    }

    @Test
    void aTelephoneNoteWithAnOrdinalStillGivesItsAllergy() {
        String note = "CALL: 10th. Allergies: sulfa.";

        var extraction = extractor.extract(note);

        assertThat(extraction.allergies()).extracting(Allergy::substance).containsExactly("sulfa");
        Span span = extraction.allergies().getFirst().span();
        assertThat(note.substring(span.start(), span.end())).isEqualTo("sulfa");
    }

    /** NEL (U+0085) ended a substance for one rule and not for the next: the span missed part of it. */
    @Test
    void aNextLineCharacterEndsALineLikeALineFeed() {
        String note = "Allergies: Medications:\nMedications \u0085 ";

        ExtractionPropertyTests.assertConsistent(note, extractor.extract(note));
        assertThat(extractor
                        .extract("Medications:\u0085- lisinopril 10 mg daily\u2028- metformin")
                        .medications())
                .extracting(Medication::name)
                .containsExactly("lisinopril", "metformin");
    }

    /** A lone CR was no line end to the rules: a list read as one line lost its drugs. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndReadsTheSame(String lineEnd) {
        String note = String.join(
                lineEnd,
                "Medications:",
                "- lisinopril 10 mg PO daily",
                "- metformin 500 mg BID",
                "",
                "Allergies:",
                "penicillin (hives)",
                "",
                "Plan: follow up.");

        var extraction = extractor.extract(note);

        assertThat(extraction.medications())
                .extracting(Medication::name, Medication::dose)
                .containsExactly(tuple("lisinopril", "10 mg"), tuple("metformin", "500 mg"));
        assertThat(extraction.allergies())
                .extracting(Allergy::substance, Allergy::reaction)
                .containsExactly(tuple("penicillin", "hives"));
        Span lisinopril = extraction.medications().getFirst().span();
        assertThat(note.substring(lisinopril.start(), lisinopril.end())).isEqualTo("lisinopril 10 mg PO daily");
    }

    @Test
    void aNoBreakSpaceJoinsWordsLikeASpace() {
        String note = "Medications:\n- insulin\u00A0glargine 10\u00A0units at bedtime";

        var extraction = extractor.extract(note);

        assertThat(extraction.medications())
                .extracting(Medication::name, Medication::dose)
                .containsExactly(tuple("insulin glargine", "10 units"));
    }
}
