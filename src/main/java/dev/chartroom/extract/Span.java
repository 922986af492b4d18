package dev.chartroom.extract;

/**
 * Where in the note a finding came from: character offsets into the text, {@code start}
 * inclusive and {@code end} exclusive ({@code text.substring(start, end)}).
 */
record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }
}
