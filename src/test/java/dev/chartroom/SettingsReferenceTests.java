package dev.chartroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code chartroom.*} setting has one source: the {@code @ConfigurationProperties} record that
 * reads it ({@code @DefaultValue} for its default, {@code @param} for its meaning). The build's
 * configuration metadata is generated from those records; this test holds the README's settings
 * table to it, keeps {@code application.yml} from repeating it, and keeps the names to one scheme.
 * After adding or changing a setting, copy {@code target/settings-table.md} into the README.
 */
class SettingsReferenceTests {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- settings: generated from the configuration metadata -->";
    private static final String END = "<!-- settings: end -->";

    /** A duration says what it measures by its last word (see the README). */
    private static final Pattern DURATION_NAME =
            Pattern.compile(".*[.-](timeout|wait|interval|delay|after|ttl|duration)");

    @Test
    void theReadmeListsEverySettingWithItsDefaultAndMeaning() throws IOException {
        String expected = table(settings());
        Files.writeString(Path.of("target", "settings-table.md"), expected);
        String readme = Files.readString(README);
        assertThat(readme).contains(START).contains(END);
        String listed = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END))
                .strip();
        assertThat(listed)
                .as(
                        "README's settings table differs from the code's settings; target/settings-table.md holds the table to paste")
                .isEqualTo(expected.strip());
    }

    @Test
    void everySettingIsUnderChartroomAndExplained() throws IOException {
        List<Setting> settings = settings();
        assertThat(settings).hasSizeGreaterThan(50);
        assertThat(settings).allSatisfy(setting -> {
            assertThat(setting.name()).startsWith("chartroom.");
            assertThat(setting.description())
                    .as(setting.name() + " needs an @param")
                    .isNotBlank();
        });
    }

    @Test
    void durationsAreNamedForWhatTheyMeasure() throws IOException {
        List<String> durations = settings().stream()
                .filter(setting -> setting.type().equals("java.time.Duration"))
                .map(Setting::name)
                .toList();
        assertThat(durations)
                .isNotEmpty()
                .allMatch(name -> DURATION_NAME.matcher(name).matches());
    }

    @Test
    void applicationYmlDoesNotRepeatTheDefaults() throws IOException {
        try (InputStream yml = getClass().getResourceAsStream("/application.yml")) {
            String text = new String(yml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text.lines().filter(line -> line.startsWith("chartroom:")))
                    .isEmpty();
        }
    }

    private record Setting(String name, String type, String defaultValue, String description) {}

    /** Chartroom's own entries of the metadata (each dependency's jar carries a file of the same name). */
    private List<Setting> settings() throws IOException {
        TreeMap<String, Setting> byName = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL file : Collections.list(
                getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode metadata;
            try (InputStream in = file.openStream()) {
                metadata = json.readTree(in);
            }
            for (JsonNode property : metadata.path("properties")) {
                String source = property.path("sourceType").asString("");
                if (!source.startsWith("dev.chartroom.")) {
                    continue;
                }
                JsonNode defaultValue = property.path("defaultValue");
                byName.put(
                        property.path("name").asString(),
                        new Setting(
                                property.path("name").asString(),
                                property.path("type").asString(""),
                                defaultValue.isMissingNode() || defaultValue.isNull() ? null : defaultValue.asString(),
                                property.path("description").asString("")));
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static String table(List<Setting> settings) {
        return "| setting | default | meaning |\n|---|---|---|\n"
                + settings.stream()
                        .map(setting -> "| `" + setting.name() + "` | "
                                + (setting.defaultValue() == null ? "unset" : "`" + setting.defaultValue() + "`")
                                + " | " + markdown(setting.description()) + " |")
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    /** Javadoc to a table cell: {@code x} as code, one line, no pipes. */
    private static String markdown(String javadoc) {
        return javadoc.replaceAll("\\{@code ([^{}]*(?:\\{[^}]*}[^{}]*)*)}", "`$1`")
                .replaceAll("\\{@link ([^}]*)}", "$1")
                .replaceAll("\\s+", " ")
                .replace("|", "\\|")
                .strip();
    }
}
