package dev.chartroom.deid;

import java.util.List;

/**
 * A de-identified text and what was removed from the original: each finding's offsets point into
 * the original text. {@code complete} is false when the text was withheld whole because a rule
 * could not examine it.
 */
public record Deidentified(String text, List<Finding> findings, boolean complete) {}
