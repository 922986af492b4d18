package dev.chartroom.extract;

import java.util.List;

/**
 * A medication the patient currently takes (or is started on), as written in the note.
 *
 * @param name        the drug as written (brand names are kept, not mapped to the generic)
 * @param ingredients its active ingredients, lowercased generic names without the salt, sorted
 *                    ({@code ["acetaminophen", "hydrocodone"]} for "Lortab"); empty when unknown
 * @param dose      amount per dose, normalized ({@code "10 mg"}, {@code "2 puffs"}), or null
 * @param route     {@code PO}, {@code IV}, {@code IM}, {@code SC}, {@code SL}, {@code inhaled},
 *                  {@code topical}, … or null
 * @param frequency {@code daily}, {@code BID}, {@code TID}, {@code QID}, {@code q6h},
 *                  {@code QHS}, {@code weekly}, {@code PRN} or a base with {@code " PRN"}, or null
 * @param span      where it was found; null when the provider could not locate it in the text
 */
public record Medication(
        String name, List<String> ingredients, String dose, String route, String frequency, Span span) {

    public Medication {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
    }
}
