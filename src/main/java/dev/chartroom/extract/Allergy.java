package dev.chartroom.extract;

/**
 * An allergy or intolerance: to a drug, a drug class or anything else (peanuts, latex).
 *
 * @param substance what the patient reacts to, as written
 * @param reaction  the reaction as written ({@code "hives"}), or null when the note gives none
 * @param span      where it was found; null when the provider could not locate it in the text
 */
public record Allergy(String substance, String reaction, Span span) {}
