package dev.chartroom.patient;

import dev.chartroom.text.LineFeeds;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks out the demographics a clinical text states plainly — "Patient: Ana Ruiz", "DOB: 1962-05-01",
 * "Sex: F", "MRN: 12345" — and nothing it would have to guess.
 */
public final class TextDemographics {

    private static final String LABEL_END = "\\s*[:#\\-]?\\s*";
    private static final Pattern NAME = Pattern.compile("(?im)^[ \\t]*(?:patient(?:'s)?\\s+name|patient|name)\\s*:\\s*"
            + "([\\p{L}][\\p{L}'\\-.]*(?:,?[ \\t]+[\\p{L}][\\p{L}'\\-.]*){0,4})[ \\t]*(?:$|[,;|(]|\\s{2,}|\\t)");
    private static final Pattern BIRTH_DATE =
            Pattern.compile("(?i)\\b(?:DOB|D\\.O\\.B\\.?|date\\s+of\\s+birth|birth\\s*date|born(?:\\s+on)?)" + LABEL_END
                    + "(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4}"
                    + "|[A-Za-z]{3,9}\\.?\\s+\\d{1,2},\\s*\\d{4}|\\d{1,2}\\s+[A-Za-z]{3,9}\\s+\\d{4})");
    private static final Pattern SEX =
            Pattern.compile("(?i)\\b(?:sex|gender)\\s*:\\s*(male|female|other|unknown|m|f)\\b");
    private static final Pattern SEX_IN_PROSE =
            Pattern.compile("(?i)\\b\\d{1,3}[- ](?:year|yr)s?[- ]old\\s+(male|female|man|woman)\\b");
    private static final Pattern MRN =
            Pattern.compile("(?i)\\b(?:MRN|medical\\s+record\\s+(?:number|no\\.?|#)|patient\\s+id)" + LABEL_END
                    + "((?=[A-Za-z\\-]*\\d)[A-Za-z0-9][A-Za-z0-9\\-]{2,63})\\b");
    private static final java.util.Set<String> NOT_NAMES =
            java.util.Set.of("unknown", "none", "n/a", "na", "anonymous", "information");

    private TextDemographics() {}

    /** The demographics found, with {@code externalId} the MRN when the text states one (else null). */
    public static PatientFacts read(String given, LocalDate today) {
        if (given == null || given.isBlank()) {
            return PatientFacts.withExternalId(null);
        }
        // CR, CRLF, NEL and no-break spaces read as the line feeds and spaces the patterns expect
        String text = LineFeeds.normalise(given);
        String name = first(NAME, text)
                .map(String::strip)
                .filter(n -> !NOT_NAMES.contains(n.toLowerCase(java.util.Locale.ROOT)))
                .filter(n -> n.length() <= 150)
                .orElse(null);
        String[] parts = Demographics.firstAndLast(name);
        String displayName = name == null ? null : parts[0] == null ? parts[1] : parts[0] + " " + parts[1];
        LocalDate birthDate = first(BIRTH_DATE, text)
                .flatMap(d -> Demographics.birthDate(d, today))
                .orElse(null);
        String sex = first(SEX, text)
                .flatMap(Demographics::sex)
                .or(() -> first(SEX_IN_PROSE, text)
                        .map(s -> s.equalsIgnoreCase("man")
                                ? "male"
                                : s.equalsIgnoreCase("woman") ? "female" : s.toLowerCase(java.util.Locale.ROOT)))
                .orElse(null);
        String mrn = first(MRN, text).orElse(null);
        return new PatientFacts(mrn, displayName, parts[0], parts[1], birthDate, sex, null, null, null, null, Map.of());
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher match = pattern.matcher(text);
        return match.find() ? Optional.of(match.group(1)) : Optional.empty();
    }
}
