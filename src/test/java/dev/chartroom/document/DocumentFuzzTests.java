package dev.chartroom.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chartroom.support.FuzzBounds;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;

/**
 * Fuzz targets of PDF and image intake: what a file is ({@link ContentSniffer}), reading a PDF
 * ({@link StrictPdfReader}) and picturing a file ({@link Thumbnails}), both under a small
 * {@link DecodingBudget} ({@link BoundedPdf} decides before PDFBox inflates). They answer with an
 * outcome for any bytes: an exception or error of any type, an outcome out of range, or a read
 * slower than the budget's time limit (with room for a pause) is a finding. The PDF seeds are small
 * files of the qpdf test suite (Apache-2.0, see shared-data/pdf-qpdf-testsuite) and PDFs and
 * pictures made by {@code TestFiles}.
 */
class DocumentFuzzTests {

    static final DecodingBudget BUDGET = new DecodingBudget(4_000_000L, 8L << 20, Duration.ofSeconds(2));
    /** The budget's own time limit is checked between operators; one operator may run past it a little. */
    static final Duration BOUND = BUDGET.timeLimit().plusSeconds(3);

    static final int MAX_PAGES = 5;
    static final int WIDTH = 64;

    final StrictPdfReader reader = new StrictPdfReader(MAX_PAGES, BUDGET);
    final Thumbnails thumbnails = new Thumbnails(WIDTH, BUDGET);

    @FuzzTest(maxDuration = "2m")
    void contentSniffer(byte[] content) throws Exception {
        ContentKind kind = FuzzBounds.within(Duration.ofSeconds(1), "sniffing", () -> ContentSniffer.sniff(content));
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
        switch (kind) {
            case PDF -> assertThat(head).contains("%PDF-");
            case PNG -> assertThat(content).startsWith(0x89, 'P', 'N', 'G');
            case JPEG -> assertThat(content).startsWith(0xff, 0xd8, 0xff);
            case TEXT -> assertThat(content).isNotEmpty().doesNotContain(0, 0x7f);
            case OTHER -> {}
        }
        // The intake sniffs a sample of the first bytes: a file the whole of which is text is text by its sample too.
        int sample = Math.min(content.length, ContentSniffer.SAMPLE_SIZE);
        ContentKind sampled = ContentSniffer.sniff(content, sample, sample == content.length);
        if (kind == ContentKind.TEXT) {
            assertThat(sampled).isEqualTo(ContentKind.TEXT);
        } else if (kind != ContentKind.OTHER) {
            assertThat(sampled).isEqualTo(kind);
        }
        ContentSniffer.markup(content);
    }

    @FuzzTest(maxDuration = "2m")
    void strictPdfReader(byte[] content) throws Exception {
        var result = FuzzBounds.within(BOUND, "reading a PDF", () -> reader.read(content));
        switch (result) {
            case PdfBoxTextExtractor.Result.Readable readable -> {
                assertThat(readable.pages()).isPositive();
                assertThat(readable.text())
                        .isNotNull()
                        .isEqualTo(readable.text().strip());
                assertThat(StrictPdfReader.endsWithEndMarker(content)).isTrue();
            }
            case PdfBoxTextExtractor.Result.Unreadable unreadable ->
                assertThat(unreadable.reason()).isNotBlank();
        }
    }

    /** As intake pictures a file: by the kind its bytes say, whatever it claims. */
    @FuzzTest(maxDuration = "2m")
    void thumbnails(byte[] content) throws Exception {
        ContentKind kind = ContentSniffer.sniff(content);
        var outcome = FuzzBounds.within(BOUND, "picturing a file", () -> thumbnails.make(kind, content));
        switch (outcome) {
            case Thumbnails.Outcome.Made made -> {
                assertThat(kind).isIn(ContentKind.PDF, ContentKind.PNG, ContentKind.JPEG);
                BufferedImage picture = ImageIO.read(new ByteArrayInputStream(made.png()));
                assertThat(picture).isNotNull();
                assertThat(picture.getWidth()).isBetween(1, WIDTH);
                assertThat(picture.getHeight()).isBetween(1, 2 * WIDTH);
            }
            case Thumbnails.Outcome.Refused refused ->
                assertThat(refused.reason()).isNotBlank();
        }
    }
}
