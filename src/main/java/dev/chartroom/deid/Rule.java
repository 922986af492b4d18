package dev.chartroom.deid;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern and the only places of a text where it can match: the positions a match can start at,
 * or the lines that can hold one (for a pattern that never crosses a line break). Its matches are
 * exactly those of {@code pattern.matcher(text).find()} over the whole text, found without trying
 * every position of a long note ({@code RuleTests} checks that on the evaluation notes).
 */
final class Rule {

    final Pattern pattern;
    private final Function<Scan, int[]> starts;
    private final Function<Scan, boolean[]> lines;

    private Rule(Pattern pattern, Function<Scan, int[]> starts, Function<Scan, boolean[]> lines) {
        this.pattern = pattern;
        this.starts = starts;
        this.lines = lines;
    }

    /** A pattern whose every match starts at one of the positions {@code starts} gives (in text order). */
    static Rule startingAt(Pattern pattern, Function<Scan, int[]> starts) {
        return new Rule(pattern, starts, null);
    }

    /** A pattern that never matches a line break, and whose every match lies on a line {@code lines} marks. */
    static Rule onLines(Pattern pattern, Function<Scan, boolean[]> lines) {
        return new Rule(pattern, null, lines);
    }

    /** The matches in {@code scan}'s text, in order: {@code next()} gives each, then null. */
    Hits in(Scan scan) {
        Matcher m = pattern.matcher(scan.text).useTransparentBounds(true).useAnchoringBounds(false);
        return starts != null
                ? new AtStarts(m, scan.length(), scan.looked(starts.apply(scan)))
                : new OnLines(m, scan, scan.looked(lines.apply(scan)));
    }

    /** The matches of a rule in one text. */
    abstract static sealed class Hits permits AtStarts, OnLines {
        final Matcher m;

        Hits(Matcher m) {
            this.m = m;
        }

        /** The next match (the matcher, on it), or null. */
        abstract Matcher next();
    }

    private static final class AtStarts extends Hits {
        private final int length;
        private final int[] starts;
        private int i;
        private int from;

        AtStarts(Matcher m, int length, int[] starts) {
            super(m);
            this.length = length;
            this.starts = starts;
        }

        @Override
        Matcher next() {
            while (i < starts.length) {
                int p = starts[i++];
                // find() goes on after the last match, so a start inside it is not tried.
                if (p < from) {
                    continue;
                }
                m.region(p, length);
                if (m.lookingAt()) {
                    from = m.end() > m.start() ? m.end() : m.end() + 1;
                    return m;
                }
            }
            return null;
        }
    }

    private static final class OnLines extends Hits {
        private final Scan scan;
        private final boolean[] marked;
        private int line;
        private boolean inRegion;

        OnLines(Matcher m, Scan scan, boolean[] marked) {
            super(m);
            this.scan = scan;
            this.marked = marked;
        }

        @Override
        Matcher next() {
            while (true) {
                if (inRegion && m.find()) {
                    return m;
                }
                inRegion = false;
                while (line < marked.length && !marked[line]) {
                    line++;
                }
                if (line >= marked.length) {
                    return null;
                }
                // Marked lines next to each other are one region: no match crosses their line break.
                int first = line;
                while (line < marked.length && marked[line]) {
                    line++;
                }
                m.region(scan.lineStart(first), scan.lineEnd(line - 1));
                inRegion = true;
            }
        }
    }
}
