package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartroom.support.HostileFiles;
import dev.chartroom.support.TestFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThumbnailsTests {

    final Thumbnails thumbnails = new Thumbnails(128);

    static Stream<Arguments> pictured() {
        return Stream.of(
                Arguments.of(
                        "generated PDF", ContentKind.PDF, TestFiles.pdf("Lab report", "Potassium 4.1 mmol/L"), 128),
                Arguments.of("large PNG", ContentKind.PNG, TestFiles.png(2000, 1000), 128),
                Arguments.of("large JPEG", ContentKind.JPEG, TestFiles.jpeg(1600, 1200), 128),
                Arguments.of("small PNG keeps its size", ContentKind.PNG, TestFiles.png(40, 30), 40),
                Arguments.of(
                        "tall JPEG is held to twice the width in height",
                        ContentKind.JPEG,
                        TestFiles.jpeg(100, 2000),
                        13));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pictured")
    void picturesAreSmallPngs(String what, ContentKind kind, byte[] content, int width) throws IOException {
        byte[] thumbnail = thumbnails.of(kind, content).orElseThrow();
        assertThat(thumbnail).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isLessThanOrEqualTo(256);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("realPdfs")
    void realPdfsHaveAFirstPagePicture(String path) throws IOException {
        byte[] thumbnail =
                thumbnails.of(ContentKind.PDF, TestFiles.shared(path)).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(image.getWidth()).isEqualTo(128);
        // A page is mostly white with some ink.
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
    }

    static Stream<String> realPdfs() {
        return Stream.of(
                "aws-sample-medical-pdf-mit0/sample_report_1_discharge_summary.pdf",
                "hl7-ccda-examples-cc0/discharge_summary_UD_sample.pdf",
                "hl7-ccda-examples-cc0/labcorp_sample_lab_report_164947.pdf");
    }

    static Stream<Arguments> notPictured() {
        byte[] png = TestFiles.png(50, 50);
        return Stream.of(
                Arguments.of(
                        "encrypted PDF", ContentKind.PDF, TestFiles.shared("pdf-qpdf-testsuite/encrypted/c-r2.pdf")),
                Arguments.of("PDF header then nothing", ContentKind.PDF, "%PDF-1.4\n".getBytes()),
                Arguments.of("cut-off PNG", ContentKind.PNG, java.util.Arrays.copyOf(png, 20)),
                Arguments.of("JPEG marker then garbage", ContentKind.JPEG, new byte[] {
                    (byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3
                }),
                Arguments.of("text", ContentKind.TEXT, "hello".getBytes()),
                Arguments.of("other", ContentKind.OTHER, new byte[] {1, 2, 3}));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("notPictured")
    void unpicturableFilesHaveNoThumbnail(String what, ContentKind kind, byte[] content) {
        assertThat(thumbnails.of(kind, content)).isEmpty();
    }

    /** A budget small enough that the files below cost milliseconds to go past it. */
    static final DecodingBudget SMALL = new DecodingBudget(1_000_000, 4L << 20, Duration.ofSeconds(10));

    static Stream<Arguments> budgetChecks() {
        return Stream.of(
                Arguments.of("PNG at the pixel budget", ContentKind.PNG, TestFiles.png(1000, 1000), null),
                Arguments.of(
                        "PNG one row over it",
                        ContentKind.PNG,
                        TestFiles.png(1000, 1001),
                        "The image is 1000×1001 pixels, more than the 1 megapixels allowed."),
                Arguments.of("JPEG over it", ContentKind.JPEG, TestFiles.jpeg(1600, 1200), "1600×1200 pixels"),
                Arguments.of(
                        "PNG header of 46000×46000, cut off",
                        ContentKind.PNG,
                        HostileFiles.truncatedPng(46000, 46000, 1 << 16),
                        "46000×46000 pixels"),
                Arguments.of(
                        "PDF drawing a 1000×1000 image",
                        ContentKind.PDF,
                        HostileFiles.pdfDrawingImage(1000, 1000, 3_000_000),
                        null),
                Arguments.of(
                        "PDF drawing a 26000×26000 image",
                        ContentKind.PDF,
                        HostileFiles.pdfDrawingImage(26000, 26000, 1 << 16),
                        "An image in the PDF is 26000×26000 pixels"),
                Arguments.of(
                        "PDF image inflating past its declared size",
                        ContentKind.PDF,
                        HostileFiles.pdfDrawingImage(100, 100, 8L << 20),
                        "decompresses to more than its declared size"),
                Arguments.of(
                        "PDF contents inflating to 3 MB", ContentKind.PDF, HostileFiles.pdfInflatingTo(3L << 20), null),
                Arguments.of(
                        "PDF contents inflating to 5 MB",
                        ContentKind.PDF,
                        HostileFiles.pdfInflatingTo(5L << 20),
                        "The PDF decompresses to more than 4 MB."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("budgetChecks")
    void filesPastTheBudgetAreRefusedWithAReason(String what, ContentKind kind, byte[] content, String refusal) {
        var outcome = new Thumbnails(128, SMALL).make(kind, content);
        if (refusal == null) {
            assertThat(outcome).isInstanceOf(Thumbnails.Outcome.Made.class);
        } else {
            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            Thumbnails.Outcome.Refused.class,
                            refused -> assertThat(refused.reason()).contains(refusal));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pictured")
    void picturingStopsAtTheTimeLimit(String what, ContentKind kind, byte[] content, int width) {
        var outcome = new Thumbnails(128, new DecodingBudget(1_000_000_000, 64L << 20, Duration.ofNanos(1)))
                .make(kind, content);
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Thumbnails.Outcome.Refused.class,
                        refused -> assertThat(refused.reason()).contains("took more than"));
    }
}
