package dev.chartroom.text;

/**
 * A text with its line ends made {@code \n}: CRLF and a lone CR (old Mac, some EHR exports), NEL and
 * the Unicode line and paragraph separators read as one line feed, and no-break spaces (pasted from
 * HTML or Word) as plain spaces, so rules written for {@code \n} and {@code ' '} see every line and
 * word, while offsets found in the normalised text map back to the original one.
 */
public final class LineFeeds {

    private final String original;
    private final String text;
    /** For each char of {@link #text}, its index in the original; null when nothing changed. */
    private final int[] origins;

    private LineFeeds(String original, String text, int[] origins) {
        this.original = original;
        this.text = text;
        this.origins = origins;
    }

    /** {@code original} with every CRLF and lone CR as {@code \n}; null is read as empty. */
    public static LineFeeds of(String original) {
        String value = original == null ? "" : original;
        if (value.chars().noneMatch(LineFeeds::special)) {
            return new LineFeeds(value, value, null);
        }
        var text = new StringBuilder(value.length());
        int[] origins = new int[value.length()];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    continue; // the \n that follows stands for both
                }
                c = '\n';
            } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                c = '\n';
            } else if (c == '\u00A0' || c == '\u2007' || c == '\u202F') {
                c = ' ';
            }
            origins[text.length()] = i;
            text.append(c);
        }
        return new LineFeeds(value, text.toString(), origins);
    }

    private static boolean special(int c) {
        return c == '\r'
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u00A0'
                || c == '\u2007'
                || c == '\u202F';
    }

    /** Just the normalised text. */
    public static String normalise(String original) {
        return of(original).text();
    }

    /** The text with {@code \n} line ends only. */
    public String text() {
        return text;
    }

    /** The text as given. */
    public String original() {
        return original;
    }

    /** Where the char at {@code offset} of {@link #text} stands in the original (text length maps to its length). */
    public int start(int offset) {
        if (origins == null) {
            return offset;
        }
        return offset >= text.length() ? original.length() : origins[Math.max(0, offset)];
    }

    /** The original offset just after the char before {@code offset}: the end of a span ending there. */
    public int end(int offset) {
        if (origins == null) {
            return offset;
        }
        return offset <= 0 ? 0 : origins[Math.min(offset, text.length()) - 1] + 1;
    }
}
