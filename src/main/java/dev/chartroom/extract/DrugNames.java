package dev.chartroom.extract;

/**
 * The drug names the built-in extractor knows, for modules that must recognise a drug without
 * extracting one (the de-identifier keeps them). Lowercased lookups; loaded once from the jar.
 */
public final class DrugNames {

    // Without the FDA product names: several are given names ("Camila", "Heather") that the
    // de-identifier must not keep as drugs.
    private static final class WithoutProducts {
        static final DrugLexicon LEXICON = DrugLexicon.load(false);
    }

    private DrugNames() {}

    /** Whether {@code name} (any case, single spaces) is a drug name or a known allergen. */
    public static boolean contains(String name) {
        return name != null && WithoutProducts.LEXICON.isAllergen(name);
    }

    /** The active ingredients of a drug named by any provider, as {@link Medication#ingredients()} holds them. */
    static java.util.List<String> ingredients(String name) {
        return DrugLexicon.shipped().ingredients(name);
    }
}
