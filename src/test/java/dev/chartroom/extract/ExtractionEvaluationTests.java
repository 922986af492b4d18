package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in extractor against the hand-written evaluation set
 * ({@code src/test/resources/extract/evaluation-notes.txt}): names and substances are matched per
 * note after lowercasing and trimming; precision and recall are printed and must stay above the
 * bars the module promises.
 */
class ExtractionEvaluationTests {

    private static List<Case> cases;
    private static final RuleBasedExtractor extractor = new RuleBasedExtractor(DrugLexicon.load());

    record Case(String id, String text, Set<String> medications, Set<String> allergies) {
    }

    record Score(int truePositives, int found, int expected) {

        double precision() {
            return found == 0 ? 1 : (double) truePositives / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) truePositives / expected;
        }

        Score plus(Score other) {
            return new Score(truePositives + other.truePositives, found + other.found, expected + other.expected);
        }
    }

    @BeforeAll
    static void readCases() throws IOException {
        try (InputStream in = ExtractionEvaluationTests.class.getResourceAsStream("/extract/evaluation-notes.txt")) {
            cases = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSetIsLargeAndVaried() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).filteredOn(c -> c.medications().isEmpty() && c.allergies().isEmpty()).isNotEmpty();
        assertThat(cases.stream().mapToInt(c -> c.medications().size()).sum()).isGreaterThanOrEqualTo(80);
        assertThat(cases.stream().mapToInt(c -> c.allergies().size()).sum()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void precisionAndRecallStayAboveTheBar() {
        var medications = new Score(0, 0, 0);
        var allergies = new Score(0, 0, 0);
        var misses = new ArrayList<String>();
        for (Case c : cases) {
            Extraction extraction = extractor.extract(c.text());
            Set<String> foundMedications = normalized(extraction.medications().stream().map(Medication::name).toList());
            Set<String> foundAllergies = normalized(extraction.allergies().stream().map(Allergy::substance).toList());
            medications = medications.plus(score(foundMedications, c.medications()));
            allergies = allergies.plus(score(foundAllergies, c.allergies()));
            if (!foundMedications.equals(c.medications()) || !foundAllergies.equals(c.allergies())) {
                misses.add(c.id() + ": medications " + foundMedications + " expected " + c.medications()
                        + "; allergies " + foundAllergies + " expected " + c.allergies());
            }
        }
        System.out.printf(Locale.ROOT, "Extraction evaluation over %d notes%n", cases.size());
        System.out.printf(Locale.ROOT, "  medications: precision %.3f recall %.3f (%d found, %d expected, %d right)%n",
                medications.precision(), medications.recall(), medications.found(), medications.expected(),
                medications.truePositives());
        System.out.printf(Locale.ROOT, "  allergies:   precision %.3f recall %.3f (%d found, %d expected, %d right)%n",
                allergies.precision(), allergies.recall(), allergies.found(), allergies.expected(),
                allergies.truePositives());
        misses.forEach(miss -> System.out.println("  differs " + miss));

        assertThat(medications.recall()).as("medication recall").isGreaterThanOrEqualTo(0.90);
        assertThat(medications.precision()).as("medication precision").isGreaterThanOrEqualTo(0.85);
        assertThat(allergies.recall()).as("allergy recall").isGreaterThanOrEqualTo(0.85);
        assertThat(allergies.precision()).as("allergy precision").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void everySpanPointsAtWhatWasFound() {
        for (Case c : cases) {
            Extraction extraction = extractor.extract(c.text());
            for (Medication medication : extraction.medications()) {
                String spanned = c.text().substring(medication.span().start(), medication.span().end());
                assertThat(spanned.replaceAll("\\s+", " ")).as(c.id()).startsWith(medication.name());
            }
            for (Allergy allergy : extraction.allergies()) {
                String spanned = c.text().substring(allergy.span().start(), allergy.span().end());
                assertThat(spanned.replaceAll("\\s+", " ")).as(c.id()).contains(allergy.substance());
            }
        }
    }

    private static Score score(Set<String> found, Set<String> expected) {
        int right = (int) found.stream().filter(expected::contains).count();
        return new Score(right, found.size(), expected.size());
    }

    private static Set<String> normalized(List<String> names) {
        var set = new LinkedHashSet<String>();
        names.forEach(name -> set.add(normalize(name)));
        return set;
    }

    private static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static List<Case> parse(String file) {
        var cases = new ArrayList<Case>();
        String[] blocks = file.split("(?m)^=== case: ");
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i];
            String id = block.substring(0, block.indexOf('\n')).strip();
            int gold = block.indexOf("\n--- gold\n");
            String text = block.substring(block.indexOf('\n') + 1, gold + 1);
            var medications = new LinkedHashSet<String>();
            var allergies = new LinkedHashSet<String>();
            for (String line : block.substring(gold + "\n--- gold\n".length()).split("\n")) {
                if (line.startsWith("med:")) {
                    medications.add(normalize(line.substring(4).split("\\|")[0]));
                }
                else if (line.startsWith("allergy:")) {
                    allergies.add(normalize(line.substring(8).split("\\|")[0]));
                }
            }
            cases.add(new Case(id, text, medications, allergies));
        }
        return cases;
    }
}
