package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The built-in extractor is a total function: for every string it answers, and every span it
 * reports lies inside the text and holds what it claims. Line ends do not change what is found.
 * Tries per property: {@code jqwik.tries.default} (see README, "Property tests").
 */
@Tag("property")
class ExtractionPropertyTests {

    private static final DrugLexicon lexicon = DrugLexicon.load();
    private static final RuleBasedExtractor extractor = new RuleBasedExtractor(lexicon);

    @Example
    void theGeneratorsNameDrugsTheLexiconHolds() {
        assertThat(ClinicalFragments.known(lexicon, ClinicalFragments.DRUGS.stream()))
                .hasSameSizeAs(ClinicalFragments.DRUGS);
    }

    @Property
    void anyNoteGivesConsistentFindings(@ForAll("notes") String note) {
        Extraction found = extractor.extract(note);

        assertConsistent(note, found);
        Statistics.label("medications").collect(found.medications().isEmpty() ? "none" : "some");
        Statistics.label("allergies").collect(found.allergies().isEmpty() ? "none" : "some");
    }

    @Property
    void anyStringGivesConsistentFindings(@ForAll("raw") String text) {
        assertConsistent(text, extractor.extract(text));
    }

    @Property
    void crlfAndLoneCrLineEndsFindTheSameAsLineFeeds(@ForAll("notes") String note) {
        Extraction lf = extractor.extract(note);
        String crlfNote = note.replace("\n", "\r\n");
        String crNote = note.replace("\n", "\r");
        Extraction crlf = extractor.extract(crlfNote);
        Extraction cr = extractor.extract(crNote);

        assertThat(names(crlf)).isEqualTo(names(lf));
        assertThat(names(cr)).isEqualTo(names(lf));
        assertThat(substances(crlf)).isEqualTo(substances(lf));
        assertThat(substances(cr)).isEqualTo(substances(lf));
        assertConsistent(crlfNote, crlf);
        assertConsistent(crNote, cr);
    }

    @Property
    void sectionsLieInsideTheTextInOrder(@ForAll("notesOrRaw") String text) {
        int at = 0;
        for (Sections.Section section : Sections.of(text)) {
            assertThat(section.start()).isBetween(at, text.length());
            assertThat(section.end()).isBetween(section.start(), text.length());
            at = section.end();
        }
    }

    @Property
    void sigReadsAnyRegion(
            @ForAll("notesOrRaw") String text,
            @ForAll @IntRange(min = 0, max = 200) int a,
            @ForAll @IntRange(min = 0, max = 200) int b) {
        int from = Math.min(Math.min(a, b), text.length());
        int to = Math.min(Math.max(a, b), text.length());

        Sig sig = Sig.parse(text, from, to);

        assertThat(sig.end()).isBetween(from, to);
    }

    @Provide
    Arbitrary<String> notes() {
        return ClinicalFragments.notes(60);
    }

    @Provide
    Arbitrary<String> raw() {
        return ClinicalFragments.raw();
    }

    @Provide
    Arbitrary<String> notesOrRaw() {
        return Arbitraries.oneOf(
                ClinicalFragments.notes(60),
                ClinicalFragments.raw(),
                ClinicalFragments.notes(30).map(note -> note.replace("\n", "\r\n")));
    }

    /** Every span inside the text; its text, with whitespace collapsed, holds the name or substance. */
    static void assertConsistent(String text, Extraction found) {
        for (Medication m : found.medications()) {
            assertThat(m.span()).isNotNull();
            assertThat(m.span().end()).isBetween(m.span().start(), text.length());
            assertThat(collapsed(text.substring(m.span().start(), m.span().end())))
                    .as("span of %s in %s", escaped(m.name()), escaped(text))
                    .startsWith(m.name());
        }
        for (Allergy a : found.allergies()) {
            assertThat(a.span()).isNotNull();
            assertThat(a.span().end()).isBetween(a.span().start(), text.length());
            assertThat(collapsed(text.substring(a.span().start(), a.span().end()))
                            .toLowerCase(Locale.ROOT))
                    .as("span of %s in %s", escaped(a.substance()), escaped(text))
                    .contains(a.substance().toLowerCase(Locale.ROOT));
        }
    }

    /** Non-ASCII and control chars as \\uXXXX, so a failure message shows what the text really holds. */
    static String escaped(String value) {
        var out = new StringBuilder();
        value.chars()
                .forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : "\\u%04X".formatted(c)));
        return out.toString();
    }

    private static String collapsed(String value) {
        return value.replaceAll("[\\s\u0085\u2028\u2029\u00A0\u2007\u202F]+", " ");
    }

    private static List<String> names(Extraction found) {
        return found.medications().stream().map(Medication::name).toList();
    }

    private static List<String> substances(Extraction found) {
        return found.allergies().stream().map(Allergy::substance).toList();
    }
}
