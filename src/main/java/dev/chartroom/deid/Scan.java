package dev.chartroom.deid;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text read once for the rules: its words (runs of ASCII letters, with offsets), the starts of
 * its digit runs and its lines. A {@link Rule} uses them to try its pattern only where it can
 * match, instead of at every position of a long note.
 */
final class Scan {

    final String text;
    private final int[] wordStarts;
    private final int[] wordEnds;
    private final String[] lowerWords;
    private final int[] codes;
    private final int words;
    private final int[] digitStarts;
    /** Start of each line; line {@code i} ends before {@code lineStarts[i + 1] - 1} (its '\n'), the last at the text's end. */
    private final int[] lineStarts;

    private int[] capitalsOnCommaLines;
    /** The lines the rules look at (null: all). */
    private boolean[] mask;
    /** By position, whether its line is looked at (with {@link #mask}): the rules ask at nearly every word. */
    private boolean[] lookedChars;

    Scan(String text) {
        this.text = text;
        int n = text.length();
        var starts = new IntList(n / 6 + 4);
        var ends = new IntList(n / 6 + 4);
        var digits = new IntList(n / 30 + 4);
        var lines = new IntList(n / 60 + 4);
        lines.add(0);
        boolean inWord = false;
        boolean inDigits = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean letter = c < 128 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
            if (letter && !inWord) {
                starts.add(i);
            } else if (!letter && inWord) {
                ends.add(i);
            }
            inWord = letter;
            boolean digit = c >= '0' && c <= '9';
            if (digit && !inDigits) {
                digits.add(i);
            }
            inDigits = digit;
            if (c == '\n') {
                lines.add(i + 1);
            }
        }
        if (inWord) {
            ends.add(n);
        }
        this.wordStarts = starts.toArray();
        this.wordEnds = ends.toArray();
        this.words = wordStarts.length;
        this.lowerWords = new String[words];
        this.codes = new int[words];
        for (int i = 0; i < words; i++) {
            codes[i] = code(text, wordStarts[i], wordEnds[i]);
        }
        this.digitStarts = digits.toArray();
        this.lineStarts = lines.toArray();
    }

    int length() {
        return text.length();
    }

    /**
     * From now on the rules look only at the lines holding one of the spans, with the line before and
     * after each (and the blank lines between): a surrogate's edge exposes nothing further off.
     */
    void lookOnlyAround(int[] starts, int[] ends) {
        boolean[] marked = new boolean[lineStarts.length];
        for (int i = 0; i < starts.length; i++) {
            int first = lineOf(starts[i]);
            int last = lineOf(Math.max(starts[i], ends[i] - 1));
            for (int line = first; line <= last; line++) {
                marked[line] = true;
            }
            for (int line = first - 1; line >= 0 && !marked[line]; line--) {
                marked[line] = true;
                if (!blank(line)) {
                    break;
                }
            }
            for (int line = last + 1; line < lineStarts.length && !marked[line]; line++) {
                marked[line] = true;
                if (!blank(line)) {
                    break;
                }
            }
        }
        mask = marked;
        lookedChars = new boolean[text.length() + 1];
        for (int line = 0; line < marked.length; line++) {
            if (marked[line]) {
                Arrays.fill(lookedChars, lineStarts[line], lineEnd(line) + 1, true);
            }
        }
    }

    private boolean blank(int line) {
        for (int i = lineStart(line), end = lineEnd(line); i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the rules look at the line of {@code position}. */
    boolean looksAt(int position) {
        return mask == null || lookedChars[position];
    }

    /** The first position at or after {@code position} that the rules look at (or the text's length). */
    int nextLookedAt(int position) {
        if (mask == null || position >= text.length()) {
            return position;
        }
        if (lookedChars[position]) {
            return position;
        }
        int line = lineOf(position);
        while (line < mask.length && !mask[line]) {
            line++;
        }
        return line < mask.length ? lineStart(line) : text.length();
    }

    /** Of the positions (in order), those the rules look at. */
    int[] looked(int[] positions) {
        if (mask == null) {
            return positions;
        }
        var out = new IntList(positions.length);
        int line = 0;
        for (int p : positions) {
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= p) {
                line++;
            }
            if (mask[line]) {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /** Of the lines, those the rules look at. */
    boolean[] looked(boolean[] lines) {
        if (mask == null) {
            return lines;
        }
        boolean[] out = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            out[i] = lines[i] && mask[i];
        }
        return out;
    }

    /** The word (ASCII letters, lowercase) at index {@code i}. */
    String word(int i) {
        String w = lowerWords[i];
        if (w == null) {
            w = text.substring(wordStarts[i], wordEnds[i]).toLowerCase(Locale.ROOT);
            lowerWords[i] = w;
        }
        return w;
    }

    /** Where each run of digits starts. */
    int[] digitStarts() {
        return digitStarts;
    }

    /** Where each word starts that {@code lead} leads. */
    int[] wordsLed(Lead lead) {
        // Only the words whose first two letters some prefix of the lead begins with are tried: a few hundred of
        // a 100 KB note's 17,000 words for most leads.
        indexByCode();
        var out = new IntList(64);
        for (int code = 0; code < CODES; code++) {
            if (lead.hasPrefixesFor(code)) {
                for (int k = codeOffsets[code], end = codeOffsets[code + 1]; k < end; k++) {
                    int i = wordsByCode[k];
                    if (lead.leads(text, wordStarts[i], wordEnds[i], code)) {
                        out.add(wordStarts[i]);
                    }
                }
            }
        }
        int[] found = out.toArray();
        Arrays.sort(found);
        return found;
    }

    private static final int CODES = 26 * 27;
    /** Word indices grouped by {@link #code} (a counting sort), group {@code c} at {@code codeOffsets[c]..[c+1]}. */
    private int[] wordsByCode;

    private int[] codeOffsets;

    private void indexByCode() {
        if (wordsByCode != null) {
            return;
        }
        int[] offsets = new int[CODES + 1];
        for (int i = 0; i < words; i++) {
            offsets[codes[i] + 1]++;
        }
        for (int c = 0; c < CODES; c++) {
            offsets[c + 1] += offsets[c];
        }
        int[] next = Arrays.copyOf(offsets, CODES);
        int[] byCode = new int[words];
        for (int i = 0; i < words; i++) {
            byCode[next[codes[i]]++] = i;
        }
        codeOffsets = offsets;
        wordsByCode = byCode;
    }

    /** Where each word starts whose length is {@code length}. */
    int[] wordsOfLength(int length) {
        var out = new IntList(64);
        for (int i = 0; i < words; i++) {
            if (wordEnds[i] - wordStarts[i] == length) {
                out.add(wordStarts[i]);
            }
        }
        return out.toArray();
    }

    /** Where words end (exclusive), in text order. */
    int[] wordEnds() {
        return wordEnds;
    }

    int[] wordStarts() {
        return wordStarts;
    }

    /** The index of the word that ends at {@code end}, or -1. */
    int wordEndingAt(int end) {
        int i = Arrays.binarySearch(wordEnds, end);
        return i >= 0 ? i : -1;
    }

    /** Positions holding one of {@code chars}. */
    int[] positionsOf(String chars) {
        // One indexOf scan per character (vectorised by the JDK), not a lookup per character of the text.
        var out = new IntList(64);
        for (int c = 0; c < chars.length(); c++) {
            for (int i = text.indexOf(chars.charAt(c)); i >= 0; i = text.indexOf(chars.charAt(c), i + 1)) {
                out.add(i);
            }
        }
        int[] found = out.toArray();
        if (chars.length() > 1) {
            Arrays.sort(found);
        }
        return found;
    }

    /** Commas followed by a capital (after spaces or tabs): where a city meets its state. */
    /** Capitals (\\p{Lu}) on the lines of a city before its state or a "LAST, FIRST" name: where those can start. */
    int[] capitalsOnCommaLines() {
        if (capitalsOnCommaLines == null) {
            boolean[] lines = linesAt(commasBeforeCapitals());
            var out = new IntList(256);
            for (int line = 0; line < lines.length; line++) {
                if (lines[line]) {
                    for (int i = lineStart(line), end = lineEnd(line); i < end; i++) {
                        if (Character.getType(text.codePointAt(i)) == Character.UPPERCASE_LETTER) {
                            out.add(i);
                        }
                    }
                }
            }
            capitalsOnCommaLines = out.toArray();
        }
        return capitalsOnCommaLines;
    }

    int[] commasBeforeCapitals() {
        var out = new Scan.IntList(64);
        for (int comma : positionsOf(",")) {
            int j = comma + 1;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j < text.length() && Character.getType(text.codePointAt(j)) == Character.UPPERCASE_LETTER) {
                out.add(comma);
            }
        }
        return out.toArray();
    }

    int lines() {
        return lineStarts.length;
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    /** Where line {@code line} ends, before its '\n'. */
    int lineEnd(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
    }

    int lineOf(int position) {
        int i = Arrays.binarySearch(lineStarts, position);
        return i >= 0 ? i : -i - 2;
    }

    /** The lines holding one of {@code positions}. */
    boolean[] linesAt(int[] positions) {
        boolean[] marked = new boolean[lineStarts.length];
        int line = 0;
        for (int p : positions) {
            // Positions mostly come in order: walk the lines, and search only when one goes back.
            if (p < lineStarts[line]) {
                line = lineOf(p);
            }
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= p) {
                line++;
            }
            marked[line] = true;
        }
        return marked;
    }

    /** The lines holding a word {@code lead} leads. */
    boolean[] linesWithWords(Lead lead) {
        return linesAt(wordsLed(lead));
    }

    /** Positions in both or either list, in order, without repeats. */
    static int[] union(int[]... lists) {
        int size = 0;
        for (int[] l : lists) {
            size += l.length;
        }
        int[] all = new int[size];
        int at = 0;
        for (int[] l : lists) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n == 0 || all[n - 1] != all[i]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** Words (lowercase ASCII) a pattern's match must start with: whole words, or prefixes of words. */
    static final class Lead {
        private static final String[] NONE = {};
        /** By a word's first two letters ({@link #code}): the prefixes that can lead it. */
        private final String[][] byCode = new String[26 * 27][];

        private final boolean whole;

        private Lead(List<String> prefixes, boolean whole) {
            this.whole = whole;
            java.util.Arrays.fill(byCode, NONE);
            for (String p : prefixes) {
                if (p.isEmpty() || p.chars().anyMatch(c -> c < 'a' || c > 'z')) {
                    throw new IllegalArgumentException("a lead is a lowercase ASCII word: " + p);
                }
                int first = (p.charAt(0) - 'a') * 27;
                if (p.length() == 1) {
                    // A one-letter prefix leads every word with that first letter; a whole one-letter word only itself.
                    for (int second = whole ? 26 : 0; second < 27; second++) {
                        add(first + second, p);
                    }
                } else {
                    add(first + p.charAt(1) - 'a', p);
                }
            }
        }

        private void add(int code, String prefix) {
            String[] slot = Arrays.copyOf(byCode[code], byCode[code].length + 1);
            slot[slot.length - 1] = prefix;
            byCode[code] = slot;
        }

        /** Words that begin with one of {@code prefixes}. */
        static Lead of(String... prefixes) {
            return new Lead(List.of(prefixes), false);
        }

        /** The words {@code words} themselves. */
        static Lead exactly(String... words) {
            return new Lead(List.of(words), true);
        }

        /** Whether a word of code {@code code} can be led at all. */
        boolean hasPrefixesFor(int code) {
            return byCode[code].length > 0;
        }

        /** Whether the word {@code text[start, end)} (ASCII letters, of code {@code code}) is led, in any case. */
        boolean leads(String text, int start, int end, int code) {
            int length = end - start;
            for (String p : byCode[code]) {
                if ((whole ? p.length() == length : p.length() <= length)
                        && text.regionMatches(true, start, p, 0, p.length())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A word's first two letters as a number: 27 × first + second (26 for a one-letter word). */
    private static int code(String text, int start, int end) {
        int first = (text.charAt(start) | 0x20) - 'a';
        int second = end - start > 1 ? (text.charAt(start + 1) | 0x20) - 'a' : 26;
        return first * 27 + second;
    }

    /** A growable list of ints. */
    static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(4, capacity)];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
