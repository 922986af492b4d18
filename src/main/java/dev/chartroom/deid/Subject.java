package dev.chartroom.deid;

import java.util.List;

/**
 * What the de-identifier knows about the person a text is about: names from the record (each
 * removed wherever it appears) and the per-patient number of days every date is shifted by
 * ({@code 0}: dates are written as {@code [DATE]} without a value).
 */
public record Subject(List<String> knownNames, int dateShiftDays) {

    public static final Subject UNKNOWN = new Subject(List.of(), 0);

    public Subject {
        knownNames = knownNames == null
                ? List.of()
                : knownNames.stream().filter(n -> n != null && !n.isBlank()).toList();
    }
}
