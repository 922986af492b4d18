package dev.chartroom.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A sanity check on real (synthetic, CC0) Synthea notes (a copy of 60 from the shared data set): every entry
 * of a note's "# Medications" list is found, and "No Known Allergies" gives none.
 */
class SyntheaNotesTests {

    private static final Path NOTES = TestFiles.SHARED_DATA.resolve("synthea-bulk-fhir-cc0/notes");
    private static final Pattern SECTION = Pattern.compile("(?m)^# (Medications|Allergies)\\n(.*)$");

    private final RuleBasedExtractor extractor = new RuleBasedExtractor(DrugLexicon.load());

    @Test
    void findsEveryListedMedication() throws IOException {
        List<Path> notes;
        try (Stream<Path> files = Files.list(NOTES)) {
            notes = files.filter(f -> f.toString().endsWith(".txt"))
                    .sorted()
                    .limit(60)
                    .toList();
        }
        int listed = 0;
        var missed = new ArrayList<String>();
        int notesWithMedications = 0;
        for (Path note : notes) {
            String text = Files.readString(note, StandardCharsets.UTF_8);
            Extraction extraction = extractor.extract(text);
            Matcher section = SECTION.matcher(text);
            while (section.find()) {
                String content = section.group(2).strip();
                if (section.group(1).equals("Allergies") && content.startsWith("No Known Allergies")) {
                    assertThat(extraction.allergies())
                            .as(note.getFileName().toString())
                            .isEmpty();
                }
                if (section.group(1).equals("Medications") && !content.startsWith("No Active")) {
                    notesWithMedications++;
                    for (String entry : content.split("; ")) {
                        listed++;
                        String lower = entry.toLowerCase(Locale.ROOT);
                        boolean found = extraction.medications().stream()
                                .anyMatch(m -> lower.contains(m.name().toLowerCase(Locale.ROOT)));
                        if (!found) {
                            missed.add(entry);
                        }
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Synthea notes: %d notes, %d listed medications, %d missed %s%n",
                notes.size(),
                listed,
                missed.size(),
                missed);
        assertThat(notesWithMedications).isPositive();
        assertThat(missed).isEmpty();
    }
}
