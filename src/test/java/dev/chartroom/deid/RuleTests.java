package dev.chartroom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rule tried only where its pattern can match finds exactly what {@code find()} over the whole
 * text finds: on the tuning notes, Presidio's sentences, and texts made by joining their lines
 * (so that matches meet at line breaks and sentence edges).
 */
class RuleTests {

    static List<String> texts() throws IOException {
        var texts = new ArrayList<String>();
        for (var note : DeidentificationEvaluationTests.notes("tune", 1, 32)) {
            texts.add(note.text());
        }
        JsonNode samples;
        try (InputStream in = RuleTests.class
                .getClassLoader()
                .getResourceAsStream("shared-data/presidio-synthetic-pii-mit/synth_dataset_v2.json")) {
            samples = JsonMapper.builder().build().readTree(in);
        }
        var sentences = new ArrayList<String>();
        for (JsonNode sample : samples) {
            sentences.add(sample.get("full_text").asString());
        }
        texts.addAll(sentences);
        // Sentences run together without a space, and notes cut mid-line: edges a rule must not be fooled by.
        for (int i = 0; i + 3 < sentences.size(); i += 3) {
            texts.add(sentences.get(i) + sentences.get(i + 1) + "\n" + sentences.get(i + 2));
        }
        for (String note : List.copyOf(texts.subList(0, 32))) {
            texts.add(note.substring(note.length() / 3) + note.substring(0, note.length() / 3));
        }
        return texts;
    }

    @Test
    void eachRuleFindsWhatItsPatternFindsEverywhere() throws IOException {
        List<Rule> rules = Stream.of(NumberDetector.RULES, DateDetector.RULES, PlaceDetector.RULES, NameDetector.RULES)
                .flatMap(List::stream)
                .toList();
        int matches = 0;
        for (String text : texts()) {
            var scan = new Scan(text);
            for (Rule rule : rules) {
                List<String> expected = new ArrayList<>();
                for (Matcher m = rule.pattern.matcher(text); m.find(); ) {
                    expected.add(m.start() + "-" + m.end());
                }
                List<String> found = new ArrayList<>();
                Rule.Hits hits = rule.in(scan);
                for (Matcher m; (m = hits.next()) != null; ) {
                    found.add(m.start() + "-" + m.end());
                }
                assertThat(found).as(rule.pattern.pattern()).isEqualTo(expected);
                matches += expected.size();
            }
        }
        assertThat(matches).isGreaterThan(5000);
    }

    @Test
    void aLabelIsLookedForOnlyBeforeTheWordsThatCanEndOne() throws IOException {
        int labels = 0;
        for (String text : texts()) {
            var scan = new Scan(text);
            Matcher label = NameDetector.LABEL_AT_END.matcher(text).useTransparentBounds(true);
            for (int at = 0; at < text.length(); at++) {
                if (":#—".indexOf(text.charAt(at)) < 0) {
                    continue;
                }
                int lineStart = Math.max(text.lastIndexOf('\n', at) + 1, at - 48);
                boolean expected = NameDetector.LABEL_AT_END
                        .matcher(text)
                        .region(lineStart, at)
                        .useTransparentBounds(true)
                        .find();
                assertThat(NameDetector.labelBefore(scan, label, at))
                        .as(text.substring(lineStart, at))
                        .isEqualTo(expected);
                labels += expected ? 1 : 0;
            }
        }
        assertThat(labels).isGreaterThan(100);
    }
}
