import dev.chartroom.extract.ClinicalExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in extractor on MTSamples transcriptions (the tune notes of
 * src/test/resources/extract/mtsamples, run together): a 3 KB note and a 1 MB one; best and median
 * after warm-up. Targets: 5 ms for 3 KB, 1 s for 1 MB.
 */
public class ExtractNote {
    public static void main(String[] args) throws Exception {
        List<Path> notes;
        try (var files = Files.list(Path.of("src/test/resources/extract/mtsamples/tune"))) {
            notes = files.filter(f -> !f.getFileName().toString().equals("gold.txt"))
                    .sorted()
                    .toList();
        }
        var text = new StringBuilder();
        while (text.length() < 1_000_000) {
            for (Path note : notes) {
                text.append(Files.readString(note)).append("\n\n");
            }
        }
        var extractor = ClinicalExtractor.builtin();
        time(extractor, "3 KB", text.substring(0, 3_000), 200, 500, 5);
        time(extractor, "1 MB", text.substring(0, 1_000_000), 3, 10, 1000);
    }

    private static void time(
            ClinicalExtractor extractor, String size, String note, int warmups, int count, int targetMs) {
        int found = 0;
        for (int i = 0; i < warmups; i++) {
            found = extractor.extract(note).medications().size();
        }
        long[] runs = new long[count];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            extractor.extract(note);
            runs[i] = System.nanoTime() - start;
        }
        Arrays.sort(runs);
        System.out.printf(
                "extract-note: %s note (%d medications) in %.2f ms (best), %.2f ms (median); target < %d ms%n",
                size, found, runs[0] / 1e6, runs[runs.length / 2] / 1e6, targetMs);
    }
}
