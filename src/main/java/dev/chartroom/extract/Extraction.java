package dev.chartroom.extract;

import java.util.List;

/**
 * What a {@link ClinicalExtractor} found in one note.
 *
 * @param medications    current medications, in order of appearance
 * @param allergies      allergies; empty for "NKDA" and the like
 * @param provider       who answered: {@value #BUILTIN} or {@value #OPENAI}
 * @param fallbackReason null, unless the configured LLM provider failed and the built-in
 *                       extractor answered instead; then why (never the note or the key)
 */
public record Extraction(
        List<Medication> medications, List<Allergy> allergies, String provider, String fallbackReason) {

    public static final String BUILTIN = "builtin";
    public static final String OPENAI = "openai";

    public Extraction {
        medications = List.copyOf(medications);
        allergies = List.copyOf(allergies);
    }

    static Extraction empty(String provider) {
        return new Extraction(List.of(), List.of(), provider, null);
    }
}
