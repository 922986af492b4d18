package dev.chartroom.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.csv.TypedCsv;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UploadKindTests {

    /** A typed CSV upload is recorded under its type's own name, as before kinds were an enum. */
    @Test
    void everyTypedCsvTypeIsAKindOfTheSameName() {
        assertThat(Arrays.stream(UploadKind.values()).map(UploadKind::value))
                .containsAll(Arrays.stream(TypedCsv.Type.values())
                        .map(TypedCsv.Type::value)
                        .toList());
    }
}
