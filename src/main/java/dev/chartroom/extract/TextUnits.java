package dev.chartroom.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section cut into the pieces the rules read one at a time: sentences of prose, lines of a list.
 * A transcription's hard-wrapped lines are joined back into their sentence.
 */
final class TextUnits {

    private static final Pattern LIST_ITEM = Pattern.compile("[ \\t]*(?:[-*•]|\\d{1,2}[.)])[ \\t]*");
    static final Pattern PROSE_BOUNDARY = Pattern.compile("(?<![A-Za-z]\\.[A-Za-z])[.!?](?=\\s|$)|;|\\n[ \\t]*\\n"
            + "|\\n(?=[ \\t]*(?:[-*•]|\\d{1,2}[.)])[ \\t])|\\n(?=[ \\t]*[A-Z#])");
    static final Pattern LIST_BOUNDARY = Pattern.compile("(?<![A-Za-z]\\.[A-Za-z])[.!?](?=\\s|$)|;|\\n");

    /** A line at least this long that ends without a full stop was wrapped by the transcriber, not ended. */
    private static final int WRAPPED_LINE = 55;
    /** A sentence whose subject is a person ("She takes ...") is prose even inside a list section. */
    static final Pattern PROSE_START = Pattern.compile("(?i)^\\W*(?:she|he|they|patient|pt|the patient|"
            + "(?:her|his)(?!\\s+(?:\\w+\\s+)?(?:medications?|meds)\\b)|mother|father|also|takes|taking)\\b");

    private TextUnits() {}

    /** {@code text[from, to)} cut at the boundaries, blank pieces dropped. */
    static List<int[]> units(String text, int from, int to, Pattern boundary) {
        var units = new ArrayList<int[]>();
        if (from >= to) {
            return units;
        }
        Matcher m = boundary.matcher(text).region(from, to);
        int start = from;
        while (m.find()) {
            if (wrapped(text, m.start(), m.end())) {
                continue;
            }
            addUnit(text, start, m.start(), units);
            start = m.end();
        }
        addUnit(text, start, to, units);
        return units;
    }

    /**
     * Whether the boundary at {@code text[at, end)} is only a transcription's hard wrap: a lone line
     * feed after a long line that does not end a sentence, before a word that is not a list item.
     */
    private static boolean wrapped(String text, int at, int end) {
        if (end - at != 1 || text.charAt(at) != '\n' || end >= text.length() || !continues(text, end)) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int last = at - 1;
        while (last >= lineStart && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        return last - lineStart + 1 >= WRAPPED_LINE
                && (".:;!?".indexOf(text.charAt(last)) < 0 || dottedAbbreviation(text, lineStart, last));
    }

    /** A word, or a quantity dispensed ("Keflex\n#30 1 p.o."), goes on with the line before; a heading does not. */
    private static boolean continues(String text, int at) {
        return Character.isLetter(text.charAt(at))
                || (text.charAt(at) == '#' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)));
    }

    /** "discharged on p.o.", "b.i.d.": the full stop at {@code last} closes an abbreviation, not the sentence. */
    private static boolean dottedAbbreviation(String text, int lineStart, int last) {
        return text.charAt(last) == '.'
                && last - 3 >= lineStart
                && Character.isLetter(text.charAt(last - 1))
                && text.charAt(last - 2) == '.'
                && Character.isLetter(text.charAt(last - 3));
    }

    private static void addUnit(String text, int start, int end, List<int[]> units) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (s < e) {
            units.add(new int[] {s, e});
        }
    }

    /** The offset after the list marker ("-", "2.") that starts {@code text[from, to)}, if any. */
    static int skipListMarker(String text, int from, int to) {
        int start = from;
        while (start < to && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        Matcher marker = LIST_ITEM.matcher(text).region(start, to);
        return marker.lookingAt() ? marker.end() : start;
    }
}
