package dev.chartroom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.extract.ClinicalFragments;
import dev.chartroom.extract.DrugNames;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;

/**
 * The free-text de-identifier is total and stable: any string gives findings inside the text, in
 * order and apart, and an output that is exactly the text with them replaced; applying it to its
 * own output changes nothing; an identifier put into a note as a word of its own never comes out.
 * Tries per property: {@code jqwik.tries.default} (see README, "Property tests").
 */
@Tag("property")
class DeidentificationPropertyTests {

    private static final TextDeidentifier DEID = new TextDeidentifier(DrugNames::contains);
    /** Identifiers of kinds whose shape alone gives them away; each must be gone wherever it is put. */
    private static final List<String> CANARIES = List.of(
            "(617) 555-0142",
            "zeb.q@example.org",
            "123-45-6789",
            "MRN: ZQ-448812",
            "03/14/2024",
            "March 14, 2024",
            "https://portal.example.com/p/77",
            "192.168.10.24",
            "Dr. Ingrid Halvorsen",
            "Patient: Zebulon Quartermaine",
            "48 Larkspur Lane",
            "a 94-year-old");

    @Provide
    Arbitrary<String> notes() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, ClinicalFragments.notes(12)),
                Tuple.of(2, Arbitraries.of(CANARIES).map(c -> " " + c + " ")),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "[NAME]",
                                "[DATE 2024-01-02]",
                                "[ID]",
                                "Dr.",
                                "Patient:",
                                "DICTATED BY:",
                                "SMITH, JOHN",
                                "his wife",
                                ", MD",
                                " RN ",
                                "Springfield, IL 62704",
                                "Cook County")),
                Tuple.of(4, Arbitraries.of(" ", "\n", ". ", ", ", "\r\n")));
        return piece.list().ofMaxSize(16).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> raw() {
        return ClinicalFragments.raw();
    }

    @Property
    void anyStringGivesConsistentFindings(@ForAll("raw") String text) {
        assertConsistent(text, DEID.deidentify(text, new Subject(List.of("Ana Ruiz"), 3)));
    }

    @Property
    void anyNoteGivesConsistentFindings(@ForAll("notes") String note) {
        assertConsistent(note, DEID.deidentify(note, new Subject(List.of("Zebulon Quartermaine"), -40)));
    }

    @Property
    void applyingItTwiceChangesNothingMore(@ForAll("notes") String note) {
        var subject = new Subject(List.of("Zebulon Quartermaine"), 12);
        String once = DEID.deidentify(note, subject).text();
        assertThat(DEID.deidentify(once, subject).text()).isEqualTo(once);
    }

    @Property
    void noIdentifierPutIntoANoteComesOut(@ForAll("notes") String note) {
        String out = DEID.deidentify(note, new Subject(List.of(), 5)).text();
        for (String part : List.of(
                "555-0142",
                "zeb.q@example.org",
                "123-45-6789",
                "ZQ-448812",
                "03/14/2024",
                "March 14",
                "portal.example.com",
                "192.168.10.24",
                "Halvorsen",
                "Quartermaine",
                "Larkspur",
                "94-year")) {
            assertThat(out).doesNotContain(part);
        }
    }

    private static void assertConsistent(String text, Deidentified result) {
        assertThat(result.complete()).isTrue();
        var rebuilt = new StringBuilder();
        int at = 0;
        for (Finding f : result.findings()) {
            assertThat(f.start()).isBetween(at, text.length());
            assertThat(f.end()).isBetween(f.start() + 1, text.length());
            rebuilt.append(text, at, f.start()).append(f.replacement());
            at = f.end();
        }
        rebuilt.append(text, at, text.length());
        assertThat(result.text()).isEqualTo(rebuilt.toString());
    }
}
