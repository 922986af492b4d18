import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the reports of the three test passes (Surefire's on H2 and on PostgreSQL, Failsafe's of the
 * packaged jar), prints what ran in each and fails
 * when a test was skipped that src/test/resources/listed-skips.txt does not list for that pass.
 * Run from the project root: java .ci/TestReport.java
 */
public class TestReport {

    private static final Pattern CASE = Pattern.compile(
            "<testcase\\s+name=\"([^\"]*)\"\\s+classname=\"([^\"]*)\"[^>]*?(/>|>(.*?)</testcase>)", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        Set<String> listed = Files.readAllLines(Path.of("src/test/resources/listed-skips.txt")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+", 3))
                .map(w -> w[0] + " " + w[1])
                .collect(Collectors.toSet());
        List<String> unlisted = new ArrayList<>();
        for (String[] pass : new String[][] {
            {"h2", "target/surefire-reports"},
            {"postgres", "target/surefire-reports-postgres"},
            {"jar", "target/failsafe-reports"}
        }) {
            int tests = 0, failed = 0, skipped = 0;
            Path folder = Path.of(pass[1]);
            if (!Files.isDirectory(folder)) {
                System.out.println("tests in pass " + pass[0] + ": no reports (" + folder + ")");
                unlisted.add(pass[0] + ": the pass did not run");
                continue;
            }
            try (Stream<Path> reports = Files.list(folder)) {
                for (Path report : reports.filter(
                                p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                        .toList()) {
                    Matcher m = CASE.matcher(Files.readString(report));
                    while (m.find()) {
                        tests++;
                        String body = m.group(4) == null ? "" : m.group(4);
                        if (body.contains("<failure") || body.contains("<error")) {
                            failed++;
                        } else if (body.contains("<skipped")) {
                            skipped++;
                            String method = m.group(1).replaceAll("[(\\[].*", "");
                            String name = pass[0] + " " + m.group(2) + "#" + method;
                            if (!listed.contains(name)) {
                                unlisted.add(name);
                            }
                        }
                    }
                }
            }
            System.out.printf(
                    "tests in pass %s: %d run, %d failed, %d skipped (listed)%n", pass[0], tests, failed, skipped);
        }
        if (!unlisted.isEmpty()) {
            System.out.println("skipped without being listed in src/test/resources/listed-skips.txt:");
            unlisted.forEach(u -> System.out.println("  " + u));
            System.exit(1);
        }
    }
}
