package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.HostileFiles;
import dev.chartroom.support.TestFiles;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictPdfReaderTests {

    final StrictPdfReader reader = new StrictPdfReader(50);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aws-sample-medical-pdf-mit0/sample_report_1_discharge_summary.pdf",
                "hl7-ccda-examples-cc0/advance_directive_McBee_L1_20151116.pdf",
                "hl7-ccda-examples-cc0/discharge_summary_UD_sample.pdf",
                "hl7-ccda-examples-cc0/labcorp_sample_lab_report_164947.pdf",
                "pdf-qpdf-testsuite/valid/11-pages.pdf",
                "pdf-qpdf-testsuite/valid/lin5.pdf",
                "pdf-qpdf-testsuite/valid/incremental-2.pdf",
                "pdf-qpdf-testsuite/valid/object-stream.pdf"
            })
    void realPdfsAreReadable(String path) {
        assertThat(reader.read(TestFiles.shared(path))).isInstanceOf(PdfBoxTextExtractor.Result.Readable.class);
    }

    static Stream<Arguments> unreadable() {
        byte[] good = TestFiles.pdf("Lab report for Jane Doe");
        byte[] garbage = new byte[2000];
        new java.util.Random(7).nextBytes(garbage);
        byte[] headerThenGarbage = new byte[120 + garbage.length];
        System.arraycopy(good, 0, headerThenGarbage, 0, 120);
        System.arraycopy(garbage, 0, headerThenGarbage, 120, garbage.length);
        return Stream.of(
                Arguments.of(
                        "encrypted (RC4, R2)", TestFiles.shared("pdf-qpdf-testsuite/encrypted/c-r2.pdf"), "password"),
                Arguments.of(
                        "encrypted (AES-256, R6)",
                        TestFiles.shared("pdf-qpdf-testsuite/encrypted/enc-XI-R6_V5_U-view_O-master.pdf"),
                        "password"),
                Arguments.of("truncated to half", Arrays.copyOf(good, good.length / 2), "incomplete"),
                Arguments.of("header then random bytes", headerThenGarbage, "incomplete"),
                Arguments.of("five bytes", TestFiles.shared("pdf-qpdf-testsuite/malformed/bad1.pdf"), "incomplete"),
                Arguments.of(
                        "qpdf issue-335b",
                        TestFiles.shared("pdf-qpdf-testsuite/malformed/issue-335b.pdf"),
                        "incomplete"),
                Arguments.of("only a header and %%EOF", "%PDF-1.4\n%%EOF\n".getBytes(), ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unreadable")
    void brokenPdfsAreRefusedWithAReason(String what, byte[] content, String reason) {
        var result = reader.read(content);
        assertThat(result)
                .isInstanceOfSatisfying(
                        PdfBoxTextExtractor.Result.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).containsIgnoringCase(reason));
    }

    /** A budget small enough that the files below cost milliseconds to go past it. */
    static final DecodingBudget SMALL = new DecodingBudget(1_000_000, 4L << 20, Duration.ofSeconds(10));

    static Stream<Arguments> budgetChecks() {
        return Stream.of(
                Arguments.of("contents inflating to 3 MB", HostileFiles.pdfInflatingTo(3L << 20), SMALL, null),
                Arguments.of(
                        "contents inflating to 5 MB",
                        HostileFiles.pdfInflatingTo(5L << 20),
                        SMALL,
                        "The PDF decompresses to more than 4 MB."),
                Arguments.of(
                        "a 26000×26000 image is not read for text",
                        HostileFiles.pdfDrawingImage(26000, 26000, 1 << 16),
                        SMALL,
                        null),
                Arguments.of(
                        "an image inflating past the budget is not read for text",
                        HostileFiles.pdfDrawingImage(100, 100, 8L << 20),
                        SMALL,
                        null),
                Arguments.of(
                        "a real PDF within the default budget",
                        TestFiles.shared("pdf-qpdf-testsuite/valid/11-pages.pdf"),
                        DecodingBudget.DEFAULT,
                        null),
                Arguments.of(
                        "a real PDF past a time limit",
                        TestFiles.shared("pdf-qpdf-testsuite/valid/11-pages.pdf"),
                        new DecodingBudget(1_000_000, 4L << 20, Duration.ofNanos(1)),
                        "took more than"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("budgetChecks")
    void pdfsPastTheBudgetAreRefusedWithAReason(String what, byte[] content, DecodingBudget budget, String refusal) {
        var result = new StrictPdfReader(50, budget).read(content);
        if (refusal == null) {
            assertThat(result).isInstanceOf(PdfBoxTextExtractor.Result.Readable.class);
        } else {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            PdfBoxTextExtractor.Result.Unreadable.class,
                            unreadable -> assertThat(unreadable.reason()).contains(refusal));
        }
    }
}
