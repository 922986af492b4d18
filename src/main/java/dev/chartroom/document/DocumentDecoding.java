package dev.chartroom.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads files within the budgets of {@code chartroom.documents.*} ({@link DecodingBudget}) on a few
 * threads of their own ({@link DecodingPool}), so that no file can hold a request for long, exhaust
 * the heap, or take the threads every other request needs. Intake contracts call it for a PDF's
 * text and to check a picture; thumbnails are made through it. When every decoding thread stays
 * busy past the wait bound, the call throws {@link DecodingBusyException} (503 with Retry-After).
 */
public class DocumentDecoding {

    static final String DAMAGED_IMAGE = "The image is damaged or not a supported picture.";

    private final DecodingBudget budget;
    private final DecodingPool pool;
    private final Thumbnails thumbnails;

    DocumentDecoding(DecodingBudget budget, DecodingPool pool, Thumbnails thumbnails) {
        this.budget = budget;
        this.pool = pool;
        this.thumbnails = thumbnails;
    }

    /** A PDF's text layer, as {@link PdfBoxTextExtractor} reads it. */
    public PdfBoxTextExtractor.Result readPdf(byte[] content, int maxPages) {
        return pool.run(() -> new PdfBoxTextExtractor(maxPages, budget).read(content));
    }

    /** A PDF's text layer, as {@link StrictPdfReader} reads it (complete, with a page). */
    public PdfBoxTextExtractor.Result readStrictPdf(byte[] content, int maxPages) {
        return pool.run(() -> new StrictPdfReader(maxPages, budget).read(content));
    }

    /**
     * Why a PNG or JPEG is refused by its size alone, read from its header without decoding a pixel;
     * empty when it is within the pixel budget or has no readable header (other checks judge that).
     */
    public Optional<String> oversizedImage(byte[] content) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                budget.checkPixels("The image", reader.getWidth(0), reader.getHeight(0));
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        } catch (DecodingLimitExceeded e) {
            return Optional.of(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why a PNG or JPEG cannot be used (damaged, or past the budget); empty when it decodes. */
    public Optional<String> unreadableImage(ContentKind kind, byte[] content) {
        return switch (thumbnail(kind, content)) {
            case Thumbnails.Outcome.Made made -> Optional.empty();
            case Thumbnails.Outcome.Refused refused ->
                Optional.of(refused.reason().equals(Thumbnails.CANNOT) ? DAMAGED_IMAGE : refused.reason());
        };
    }

    Thumbnails.Outcome thumbnail(ContentKind kind, byte[] content) {
        return pool.run(() -> thumbnails.make(kind, content));
    }

    DecodingBudget budget() {
        return budget;
    }
}
