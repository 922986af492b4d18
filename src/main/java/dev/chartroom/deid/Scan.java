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
    private final int words;
    private final int[] digitStarts;
    /** Start of each line; line {@code i} ends before {@code lineStarts[i + 1] - 1} (its '\n'), the last at the text's end. */
    private final int[] lineStarts;

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
        this.digitStarts = digits.toArray();
        this.lineStarts = lines.toArray();
    }

    int length() {
        return text.length();
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
        var out = new IntList(64);
        for (int i = 0; i < words; i++) {
            if (lead.leads(text, wordStarts[i], wordEnds[i])) {
                out.add(wordStarts[i]);
            }
        }
        return out.toArray();
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
        var out = new IntList(64);
        String t = text;
        for (int i = 0, n = t.length(); i < n; i++) {
            if (chars.indexOf(t.charAt(i)) >= 0) {
                out.add(i);
            }
        }
        return out.toArray();
    }

    /** Commas followed by a capital (after spaces or tabs): where a city meets its state. */
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
        for (int p : positions) {
            marked[lineOf(p)] = true;
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
        private final String[][] byFirstLetter = new String[26][];
        private final boolean whole;

        private Lead(List<String> prefixes, boolean whole) {
            this.whole = whole;
            for (int letter = 0; letter < 26; letter++) {
                char first = (char) ('a' + letter);
                byFirstLetter[letter] = prefixes.stream().filter(p -> p.charAt(0) == first).toArray(String[]::new);
            }
            for (String p : prefixes) {
                if (p.isEmpty() || p.charAt(0) < 'a' || p.charAt(0) > 'z' || !p.equals(p.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("a lead is a lowercase ASCII word: " + p);
                }
            }
        }

        /** Words that begin with one of {@code prefixes}. */
        static Lead of(String... prefixes) {
            return new Lead(List.of(prefixes), false);
        }

        /** The words {@code words} themselves. */
        static Lead exactly(String... words) {
            return new Lead(List.of(words), true);
        }

        /** Whether the word {@code text[start, end)} (ASCII letters) is led, in any case. */
        boolean leads(String text, int start, int end) {
            int length = end - start;
            for (String p : byFirstLetter[(text.charAt(start) | 0x20) - 'a']) {
                if ((whole ? p.length() == length : p.length() <= length) && text.regionMatches(true, start, p, 0, p.length())) {
                    return true;
                }
            }
            return false;
        }
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
