package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.TestFiles;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentSnifferTests {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("pdf", "%PDF-1.7\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1), ContentKind.PDF),
                Arguments.of("pdf after junk", "\n\n  %PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), ContentKind.PDF),
                Arguments.of("generated pdf", TestFiles.pdf("hello"), ContentKind.PDF),
                Arguments.of("png", HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452"), ContentKind.PNG),
                Arguments.of("jpeg", HexFormat.of().parseHex("ffd8ffe000104a464946"), ContentKind.JPEG),
                Arguments.of(
                        "utf-8 text",
                        "Patient: José\nDOB: 1980-01-01\n".getBytes(StandardCharsets.UTF_8),
                        ContentKind.TEXT),
                Arguments.of("utf-8 bom", "\uFEFFpatient_id,name\n".getBytes(StandardCharsets.UTF_8), ContentKind.TEXT),
                Arguments.of(
                        "latin-1 text", "Paciente: Muñoz\n".getBytes(StandardCharsets.ISO_8859_1), ContentKind.TEXT),
                Arguments.of(
                        "csv with tabs and crlf",
                        "a,b\r\n1,\t2\r\n".getBytes(StandardCharsets.US_ASCII),
                        ContentKind.TEXT),
                // refused: not PDF, PNG, JPEG or text
                Arguments.of(
                        "zip / docx",
                        "PK\u0003\u0004word/document.xml".getBytes(StandardCharsets.ISO_8859_1),
                        ContentKind.OTHER),
                Arguments.of("gif", "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), ContentKind.OTHER),
                Arguments.of("utf-16", "patient_id".getBytes(StandardCharsets.UTF_16), ContentKind.OTHER),
                Arguments.of("nul in text", "abc\u0000def".getBytes(StandardCharsets.US_ASCII), ContentKind.OTHER),
                Arguments.of("escape bytes", "abc\u001b[31m".getBytes(StandardCharsets.US_ASCII), ContentKind.OTHER),
                Arguments.of("c1 controls", new byte[] {'a', (byte) 0x85, (byte) 0x90, 'b'}, ContentKind.OTHER),
                Arguments.of("empty", new byte[0], ContentKind.OTHER),
                Arguments.of(
                        "pdf header too late",
                        ("x".repeat(1100) + "%PDF-1.4").getBytes(StandardCharsets.US_ASCII),
                        ContentKind.TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void tellsWhatAFileIsFromItsBytes(String description, byte[] content, ContentKind expected) {
        int length = Math.min(content.length, ContentSniffer.SAMPLE_SIZE);
        assertThat(ContentSniffer.sniff(content, length, length == content.length))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @MethodSource("cuts")
    void aSampleEndingInsideACharacterIsStillText(int cut) {
        byte[] text = "añoñoño€".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentSniffer.sniff(text, cut, false)).isEqualTo(ContentKind.TEXT);
    }

    static Stream<Integer> cuts() {
        return Stream.of(2, 3, 4, 5, 8, 9, 10);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            JSON object         | {"resourceType":"Patient","id":"1"}
            JSON after space    | '   {  "a": 1 }'
            empty JSON object   | {}
            NDJSON              | {"id":1}
            JSON array          | [{"id":1},{"id":2}]
            JSON strings        | ["a", "b"]
            XML declaration     | <?xml version="1.0"?><ClinicalDocument/>
            C-CDA element       | <ClinicalDocument xmlns="urn:hl7-org:v3"><id root="1"/></ClinicalDocument>
            HTML                | <!DOCTYPE html><html><body>x</body></html>
            HTML without type   | <html><body>x</body></html>
            RTF                 | {\\rtf1\\ansi Patient}
            """)
    void dataFormatsAreToldApartFromNotes(String description, String text) {
        assertThat(ContentSniffer.markup(text.getBytes(StandardCharsets.UTF_8)))
                .as(description)
                .isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            a note                          | Patient: Jane Doe, seen today.
            a bracketed heading             | [Redacted] Patient seen for follow-up.
            a numbered reference            | [1] Smith et al. reported
            a brace in prose                | {Dictated, not read}
            a tag-like heading, no markup   | <Patient Name> was seen today.
            a CSV                           | patient_id,name
            a CSV of JSON values            | id,payload
            """)
    void notesAndCsvAreNoDataFormat(String description, String text) {
        assertThat(ContentSniffer.markup(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
