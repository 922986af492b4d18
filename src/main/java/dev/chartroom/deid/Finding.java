package dev.chartroom.deid;

/**
 * One identifier found in a text: its kind and where it is ({@code start} inclusive, {@code end}
 * exclusive), and what is written in its place.
 */
record Finding(Identifier kind, int start, int end, String replacement) {

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid finding [" + start + ", " + end + ")");
        }
    }

    Finding(Identifier kind, int start, int end) {
        this(kind, start, end, kind.surrogate());
    }

    int length() {
        return end - start;
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
