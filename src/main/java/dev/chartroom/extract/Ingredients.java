package dev.chartroom.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Active ingredients written the one way strict matching needs: lowercased, single spaces, the salt
 * or ester dropped ({@code "methylprednisolone sodium succinate"} is {@code "methylprednisolone"}),
 * so a brand, its generic and the generic's salt name the same thing. Public for the lexicon
 * generators, which run outside the application.
 */
final class Ingredients {

    /** Salt, ester and hydrate words; never the first word, so "potassium chloride" keeps its name. */
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
            "dimesylate",
            "sulfate",
            "citrate",
            "fumarate",
            "acetate",
            "bromide",
            "hydrobromide",
            "propionate",
            "dipropionate",
            "furoate",
            "xinafoate",
            "phosphate",
            "bitartrate",
            "napsylate",
            "dihydrate",
            "monohydrate",
            "trihydrate",
            "hemihydrate",
            "anhydrous",
            "valerate",
            "pamoate",
            "gluconate",
            "lactate",
            "tromethamine",
            "disodium",
            "hyclate",
            "decanoate",
            "axetil",
            "medoxomil",
            "micronized",
            "recombinant",
            "sesquihydrate",
            "hydrochlorides",
            "mofetil",
            "erbumine",
            "cilexetil",
            "trometamol",
            "benzoate",
            "stearate",
            "estolate",
            "ethylsuccinate",
            "palmitate",
            "pivoxil",
            "bisulfate",
            "oxalate",
            "saccharate",
            "malate",
            "nitrate",
            "sulfonate",
            "edisylate",
            "lysine",
            "meglumine",
            "hemifumarate",
            "acetonide",
            "macrocrystalline",
            "macrocrystals");

    /** One ingredient written two ways: the name strict matching uses is Drugs@FDA's. */
    private static final Map<String, String> FDA_NAMES = Map.of(
            "conjugated estrogens", "estrogens conjugated",
            "clavulanic acid", "clavulanate",
            "folate", "folic acid",
            "nph insulin", "insulin isophane");

    private static final Set<String> IRON_SALTS = Set.of("ferrous", "ferric", "cupric", "cuprous");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PUNCTUATION = Pattern.compile("[,()]");

    private Ingredients() {}

    /** The ingredient without its salt: {@code "Hydrocodone Bitartrate"} is {@code "hydrocodone"}. */
    public static String base(String ingredient) {
        String[] words = WHITESPACE.split(PUNCTUATION
                .matcher(ingredient.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip());
        if (words.length > 1 && IRON_SALTS.contains(words[0])) {
            return String.join(" ", words); // "ferrous sulfate": the salt is the drug
        }
        var kept = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            // "polyethylene glycol 3350": a grade number after the name is not part of the ingredient
            if (words[i].isEmpty()
                    || (i > 0
                            && (SALTS.contains(words[i])
                                    || DIGITS.matcher(words[i]).matches()))) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append(' ');
            }
            kept.append(words[i]);
        }
        return FDA_NAMES.getOrDefault(kept.toString(), kept.toString());
    }
}
