package dev.chartroom.extract;

/**
 * The drug names the built-in extractor knows, for modules that must recognise a drug without
 * extracting one (the de-identifier keeps them). Lowercased lookups; loaded once from the jar.
 */
public final class DrugNames {

    // Without the FDA product names: several are given names ("Camila", "Heather") that the
    // de-identifier must not keep as drugs.
    private static final class Shipped {
        static final DrugLexicon LEXICON = DrugLexicon.load(false);
    }

    private static final class WithProducts {
        static final DrugLexicon LEXICON = DrugLexicon.load();
    }

    private DrugNames() {
    }

    /** Whether {@code name} (any case, single spaces) is a drug name or a known allergen. */
    public static boolean contains(String name) {
        return name != null && Shipped.LEXICON.isAllergen(name);
    }

    /** The active ingredients of a drug named by any provider, as {@link Medication#ingredients()} holds them. */
    static java.util.List<String> ingredients(String name) {
        return WithProducts.LEXICON.ingredients(name);
    }
}
