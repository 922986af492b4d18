package dev.chartroom.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a text names drugs: the longest names of the {@link DrugLexicon}, read token by token, with
 * combinations ("amoxicillin/clavulanate"), salts ("metoprolol tartrate"), numbered products ("Tylenol #3")
 * and a generic restating its brand ("Lantus insulin") joined into one mention, and a name in brackets
 * after another ("Lipitor (atorvastatin)") dropped as a restatement.
 */
final class DrugMentions {

    /** A drug named at {@code text[start, end)}; {@code name} is the lexicon name when it differs from the text. */
    record Mention(int start, int end, String name) {}

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private static final Set<String> SALTS = Set.of(
            "hydrochloride",
            "hcl",
            "sodium",
            "potassium",
            "calcium",
            "magnesium",
            "succinate",
            "tartrate",
            "besylate",
            "maleate",
            "mesylate",
            "sulfate",
            "citrate",
            "fumarate",
            "acetate",
            "bromide",
            "hydrobromide",
            "propionate",
            "furoate",
            "xinafoate",
            "phosphate",
            "bitartrate",
            "dihydrate",
            "monohydrate",
            "trihydrate",
            "chloride");

    private final DrugLexicon lexicon;

    DrugMentions(DrugLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * Drug names in {@code text[from, to)}: longest lexicon matches, with combinations and salts joined; in a
     * {@code list} a name inside square brackets (a code or category) is skipped.
     */
    List<Mention> in(String text, int from, int to, boolean list) {
        var tokens = new ArrayList<int[]>();
        Matcher t = TOKEN.matcher(text).region(from, to);
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        var mentions = new ArrayList<Mention>();
        int i = 0;
        while (i < tokens.size()) {
            int words = match(text, tokens, i);
            if (words == 0
                    // a salt's word alone names a lab value in prose; a list item "Potassium." is the supplement
                    || (words == 1 && !list && isSalt(text, tokens.get(i)))
                    || (list && insideBrackets(text, from, tokens.get(i)[0]))) {
                i++;
                continue;
            }
            int start = tokens.get(i)[0];
            int last = i + words - 1;
            while (true) {
                int after = last + 1;
                if (after < tokens.size() && joinsCombination(text, tokens.get(last)[1], tokens.get(after)[0])) {
                    int more = match(text, tokens, after);
                    if (more > 0) {
                        last = after + more - 1;
                        continue;
                    }
                }
                // "calcium with vitamin D", "Tylenol with codeine": one product of two ingredients
                if (after + 1 < tokens.size()
                        && text.substring(tokens.get(after)[0], tokens.get(after)[1])
                                .equalsIgnoreCase("with")
                        && separator(text, tokens.get(last)[1], tokens.get(after)[0]) == ' '
                        && separator(text, tokens.get(after)[1], tokens.get(after + 1)[0]) == ' ') {
                    int more = match(text, tokens, after + 1);
                    if (more > 0) {
                        last = after + more;
                        continue;
                    }
                }
                if (after < tokens.size()
                        && isSalt(text, tokens.get(after))
                        && separator(text, tokens.get(last)[1], tokens.get(after)[0]) == ' ') {
                    last = after;
                    continue;
                }
                break;
            }
            int end = tokens.get(last)[1];
            String name = null;
            Matcher numbered = NUMBERED.matcher(text).region(end, Math.min(to, end + 8));
            if (numbered.lookingAt()) {
                String key = text.substring(start, end).replaceAll("\\s+", " ") + " #" + numbered.group(1);
                if (lexicon.isDrug(key)) {
                    name = key;
                    end = numbered.end();
                    while (last + 1 < tokens.size() && tokens.get(last + 1)[0] < end) {
                        last++;
                    }
                }
            }
            int generic = name == null ? restatedGeneric(text, tokens, start, last) : 0;
            if (generic > 0) {
                name = text.substring(start, end).replaceAll("\\s+", " ");
                last += generic;
                end = tokens.get(last)[1];
            }
            var mention = new Mention(start, end, name);
            if (!mentions.isEmpty() && restatedByBrand(text, mentions.getLast(), mention)) {
                mentions.removeLast();
            }
            if (mentions.isEmpty() || !restates(text, mentions.getLast(), mention)) {
                mentions.add(mention);
            }
            i = last + 1;
        }
        return mentions;
    }

    /** "Tylenol #3", "Tylenol No. 3": a product line numbered by strength. */
    private static final Pattern NUMBERED = Pattern.compile("[ \\t]*(?:#|[Nn]o\\.?)[ \\t]*(\\d)\\b");

    /**
     * "Lantus insulin", "Toprol metoprolol": the generic written right after a brand restates it; the number
     * of its tokens, or 0.
     */
    private int restatedGeneric(String text, List<int[]> tokens, int start, int last) {
        int next = last + 1;
        if (next >= tokens.size() || separator(text, tokens.get(last)[1], tokens.get(next)[0]) != ' ') {
            return 0;
        }
        int words = match(text, tokens, next);
        if (words == 0) {
            return 0;
        }
        String brand = text.substring(start, tokens.get(last)[1]);
        if (!lexicon.isBrand(brand)) {
            return 0;
        }
        var brandWords = new HashSet<String>();
        for (String ingredient : lexicon.ingredients(brand)) {
            brandWords.addAll(List.of(ingredient.split(" ")));
        }
        String generic = text.substring(tokens.get(next)[0], tokens.get(next + words - 1)[1]);
        for (String ingredient : lexicon.ingredients(generic)) {
            if (!brandWords.containsAll(List.of(ingredient.split(" ")))) {
                return 0;
            }
        }
        return words;
    }

    /** "Clavulanic acid or Augmentin": a product after "or" that contains the drug before it names it again. */
    private boolean restatedByBrand(String text, Mention previous, Mention mention) {
        if (!text.substring(previous.end, mention.start).strip().equalsIgnoreCase("or")) {
            return false;
        }
        List<String> before = lexicon.ingredients(nameOf(text, previous));
        List<String> after = lexicon.ingredients(nameOf(text, mention));
        return after.size() > before.size() && after.containsAll(before);
    }

    private static String nameOf(String text, Mention mention) {
        return mention.name() != null
                ? mention.name()
                : text.substring(mention.start, mention.end).replaceAll("\\s+", " ");
    }

    /** "Lipitor (atorvastatin)": a name in parentheses right after another restates it. */
    private static boolean restates(String text, Mention previous, Mention mention) {
        String between = text.substring(previous.end, mention.start);
        return between.strip().equals("(") || between.strip().equals("[");
    }

    private static boolean insideBrackets(String text, int from, int at) {
        for (int i = at - 1; i >= from; i--) {
            if (text.charAt(i) == ']') {
                return false;
            }
            if (text.charAt(i) == '[') {
                return true;
            }
        }
        return false;
    }

    private boolean isSalt(String text, int[] token) {
        return SALTS.contains(text.substring(token[0], token[1]).toLowerCase(Locale.ROOT));
    }

    private static boolean joinsCombination(String text, int end, int next) {
        String between = text.substring(end, next);
        return between.strip().equals("/") || between.strip().equals("+") || between.equals("-");
    }

    /** The number of tokens from {@code i} forming the longest lexicon name, or 0. */
    private int match(String text, List<int[]> tokens, int i) {
        var key = new StringBuilder();
        int best = 0;
        for (int k = 0; k < DrugLexicon.MAX_WORDS + 1 && i + k < tokens.size(); k++) {
            if (k > 0) {
                char separator = separator(text, tokens.get(i + k - 1)[1], tokens.get(i + k)[0]);
                if (separator == 0) {
                    break;
                }
                key.append(separator);
            }
            key.append(text, tokens.get(i + k)[0], tokens.get(i + k)[1]);
            if (lexicon.isDrug(key.toString())) {
                best = k + 1;
            }
        }
        return best;
    }

    /** ' ' for spaces within a line, '-' for a hyphen, 0 when the words are not one name. */
    private static char separator(String text, int end, int next) {
        if (next - end == 1 && text.charAt(end) == '-') {
            return '-';
        }
        if (next - end < 1 || next - end > 3) {
            return 0;
        }
        for (int i = end; i < next; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return 0;
            }
        }
        return ' ';
    }
}
