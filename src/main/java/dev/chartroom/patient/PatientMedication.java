package dev.chartroom.patient;

import java.util.List;

/**
 * A medication read out of one of the patient's files; {@code source} names the file ({@code document:<id>}).
 *
 * @param name        as written in the file
 * @param ingredients its active ingredients (generic names, lowercased), empty when not known
 */
record PatientMedication(
        String name, List<String> ingredients, String dosage, String frequency, String route, String source) {

    public PatientMedication {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
    }
}
