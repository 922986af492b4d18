package dev.chartroom.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the Safe Harbor identifiers from free text (notes, the text of PDFs, consult notes):
 * each is replaced by a typed surrogate ({@code [NAME]}, {@code [PHONE]}, …) and dates are shifted
 * by the subject's offset. Clinical words (drug names, eponyms such as Parkinson or Foley, doses,
 * lab values) stay.
 *
 * <p>Total: any string in, a result out. Applying it to its own output changes nothing (surrogates
 * are never matched again). If a detector fails on some input, the whole text is withheld rather
 * than let anything through unexamined.
 *
 * <p>Public for text without a record around it (bench/cases/DeidNote); uploads go through
 * {@link Deidentification#forOrganization}.
 */
public final class TextDeidentifier {

    /** Names the rules that produced a de-identified text, stored beside it. */
    public static final String METHOD = "chartroom-safe-harbor-1";

    private static final Pattern SURROGATE = Pattern.compile(
            "\\[(?:NAME|LOCATION|ZIP|DATE(?: \\d{2,4}(?:-\\d{2}){0,2})?|AGE 90\\+|PHONE|EMAIL|SSN|ID|DEVICE|URL|IP|WITHHELD)]");
    static final String WITHHELD = "[WITHHELD]";

    private final List<Detector> detectors;

    /** @param drug whether a lowercase word is a drug or allergen name (kept, never taken for a name) */
    public TextDeidentifier(Predicate<String> drug) {
        this(detectors(Lexicon.load(drug)));
    }

    TextDeidentifier(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    private static List<Detector> detectors(Lexicon lexicon) {
        return List.of(new NumberDetector(), new DateDetector(), new PlaceDetector(lexicon), new NameDetector(lexicon));
    }

    /** The text with every identifier found replaced, and what was found where (offsets into {@code text}). */
    public Deidentified deidentify(String text, Subject subject) {
        if (text == null || text.isEmpty()) {
            return new Deidentified(text == null ? "" : text, List.of(), true);
        }
        Subject about = subject == null ? Subject.UNKNOWN : subject;
        try {
            List<Finding> kept = resolve(text, detect(new Scan(text), about));
            // What a surrogate's edge newly exposes ("94-year-old[SSN]": a word boundary after "old") is found
            // in the output and mapped back, until nothing more is: the result is its own de-identification.
            // Only the lines around the surrogates a pass added can hold something new.
            Set<Finding> seen = Set.of();
            for (int pass = 0; pass < 3; pass++) {
                Rendered rendered = render(text, kept);
                var scan = new Scan(rendered.text());
                scan.lookOnlyAround(rendered.surrogatesOf(kept, seen, true), rendered.surrogatesOf(kept, seen, false));
                List<Finding> more = resolve(rendered.text(), detect(scan, about));
                if (more.isEmpty()) {
                    return new Deidentified(rendered.text(), kept, true);
                }
                seen = new HashSet<>(kept);
                var all = new ArrayList<>(kept);
                for (Finding f : more) {
                    all.add(new Finding(
                            f.kind(),
                            rendered.originalStart(f.start()),
                            rendered.originalEnd(f.end()),
                            f.replacement()));
                }
                kept = resolve(text, all);
            }
            return new Deidentified(render(text, kept).text(), kept, true);
        } catch (RuntimeException | StackOverflowError e) {
            return new Deidentified(
                    WITHHELD, List.of(new Finding(Identifier.OTHER, 0, text.length(), WITHHELD)), false);
        }
    }

    private List<Finding> detect(Scan scan, Subject about) {
        var found = new ArrayList<Finding>();
        for (Detector detector : detectors) {
            detector.find(scan, about, found);
        }
        return found;
    }

    /** The text with findings replaced, and where each piece of it came from in the original. */
    private record Rendered(
            String text, int[] pieceStarts, int[] originalStarts, int[] originalEnds, boolean[] surrogate) {

        /** The piece that holds output position {@code at} (an empty piece gives way to the one after it). */
        int piece(int at) {
            int i = java.util.Arrays.binarySearch(pieceStarts, at);
            i = i >= 0 ? i : -i - 2;
            while (i + 1 < pieceStarts.length && pieceStarts[i + 1] <= at) {
                i++;
            }
            return i;
        }

        int originalStart(int at) {
            int i = piece(at);
            return surrogate[i] ? originalStarts[i] : originalStarts[i] + (at - pieceStarts[i]);
        }

        /** Where the surrogates of the findings not {@code seen} start (or end) in the output. */
        int[] surrogatesOf(List<Finding> findings, Set<Finding> seen, boolean starts) {
            var at = new Scan.IntList(findings.size());
            for (int k = 0; k < findings.size(); k++) {
                if (!seen.contains(findings.get(k))) {
                    int piece = 2 * k + 1;
                    at.add(starts ? pieceStarts[piece] : pieceStarts[piece + 1]);
                }
            }
            return at.toArray();
        }

        int originalEnd(int end) {
            int i = piece(end - 1);
            return surrogate[i] ? originalEnds[i] : originalStarts[i] + (end - pieceStarts[i]);
        }
    }

    private static Rendered render(String text, List<Finding> findings) {
        int pieces = 2 * findings.size() + 1;
        int[] starts = new int[pieces];
        int[] originalStarts = new int[pieces];
        int[] originalEnds = new int[pieces];
        boolean[] surrogate = new boolean[pieces];
        var out = new StringBuilder(text.length());
        int at = 0;
        int n = 0;
        for (Finding f : findings) {
            starts[n] = out.length();
            originalStarts[n] = at;
            originalEnds[n++] = f.start();
            out.append(text, at, f.start());
            starts[n] = out.length();
            originalStarts[n] = f.start();
            originalEnds[n] = f.end();
            surrogate[n++] = true;
            out.append(f.replacement());
            at = f.end();
        }
        starts[n] = out.length();
        originalStarts[n] = at;
        originalEnds[n] = text.length();
        out.append(text, at, text.length());
        return new Rendered(out.toString(), starts, originalStarts, originalEnds, surrogate);
    }

    /** Whether {@code f} overlaps one of the spans (in order, apart) {@code starts[i]}–{@code ends[i]}. */
    private static boolean overlapsAny(Finding f, List<Integer> starts, List<Integer> ends) {
        // The last span starting before the finding's end is the only one that can reach into it.
        int i = java.util.Collections.binarySearch(starts, f.end());
        int last = i >= 0 ? i - 1 : -i - 2;
        return last >= 0 && ends.get(last) > f.start();
    }

    /**
     * Findings inside the text and outside earlier surrogates, overlaps merged into one span (what
     * any detector found is removed), in text order.
     */
    private static List<Finding> resolve(String text, List<Finding> found) {
        var starts = new ArrayList<Integer>();
        var ends = new ArrayList<Integer>();
        for (Matcher m = SURROGATE.matcher(text); m.find(); ) {
            starts.add(m.start());
            ends.add(m.end());
        }
        var candidates = new ArrayList<Finding>();
        for (Finding f : found) {
            if (f.end() <= text.length() && !overlapsAny(f, starts, ends)) {
                candidates.add(f);
            }
        }
        candidates.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::length).reversed()));
        var kept = new ArrayList<Finding>();
        for (Finding f : candidates) {
            if (!kept.isEmpty() && kept.getLast().end() > f.start()) {
                Finding last = kept.getLast();
                if (f.end() > last.end()) {
                    kept.set(kept.size() - 1, new Finding(last.kind(), last.start(), f.end()));
                }
                continue;
            }
            kept.add(f);
        }
        return List.copyOf(kept);
    }
}
