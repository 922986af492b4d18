package dev.chartroom.intake.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chartroom.support.FuzzBounds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fuzz target of the names / external_ids fields: any text is absent, a list, or invalid with a
 * reason, never an exception; a comma list has one entry per comma plus one, and every entry fits
 * its column. Seeds in {@code ValueListFuzzTestsInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ValueListFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void valueList(byte[] content) throws Exception {
        // The first byte picks the column width, so limits both small and large are crossed.
        int maxLength = content.length == 0 ? ValueList.MAX_VALUE_LENGTH : 1 + (content[0] & 0xff);
        String raw = new String(content, StandardCharsets.UTF_8);
        ValueList.Parsed parsed =
                FuzzBounds.within(Duration.ofSeconds(2), "a value list", () -> ValueList.parse(raw, maxLength));
        switch (parsed) {
            case ValueList.Parsed.Absent absent -> assertThat(raw).isBlank();
            case ValueList.Parsed.Invalid invalid ->
                assertThat(invalid.reason()).isNotBlank();
            case ValueList.Parsed.Values values -> {
                assertThat(raw).isNotBlank();
                // "[]" lists no entry (the intake then counts 0 against the files); a comma list has at least one.
                assertThat(values.values())
                        .allMatch(v -> v == null || !v.isEmpty() && v.length() <= maxLength && v.equals(v.strip()));
                if (!raw.strip().startsWith("[")) {
                    assertThat(values.values())
                            .hasSize((int) raw.strip()
                                            .chars()
                                            .filter(c -> c == ',')
                                            .count()
                                    + 1);
                }
            }
        }
    }
}
