package dev.chartroom.document;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Small PNG pictures of documents: the first page of a PDF rendered by PDFBox at the resolution of
 * the thumbnail, or a PNG or JPEG scaled down, each within a {@link DecodingBudget}. An image's size
 * is read from its header before any pixel is decoded and one past the pixel budget is refused; an
 * allowed one is decoded with subsampling, so it never needs its full size in memory. A PDF page is
 * checked first ({@link BoundedPdf}: the pixels of its images, what its streams inflate to) and drawn
 * with a time limit. A file that cannot be pictured (damaged, encrypted, too big, another kind) has
 * no thumbnail, and the outcome says why.
 */
final class Thumbnails {

    private final int width;
    private final int maxHeight;
    private final DecodingBudget budget;

    /** @param width the thumbnail's width in pixels (smaller pictures keep their size); height at most twice it */
    public Thumbnails(int width) {
        this(width, DecodingBudget.DEFAULT);
    }

    public Thumbnails(int width, DecodingBudget budget) {
        this.width = width;
        this.maxHeight = 2 * width;
        this.budget = budget;
    }

    /** What came of picturing one file. */
    public sealed interface Outcome {
        /** @param png the thumbnail */
        record Made(byte[] png) implements Outcome {}

        /** @param reason why there is no thumbnail, in words shown to the organization */
        record Refused(String reason) implements Outcome {}
    }

    /** A PNG thumbnail of the file, or empty when it cannot be pictured. */
    public Optional<byte[]> of(ContentKind kind, byte[] content) {
        return make(kind, content) instanceof Outcome.Made made ? Optional.of(made.png()) : Optional.empty();
    }

    /** A PNG thumbnail of the file, or why there is none. */
    public Outcome make(ContentKind kind, byte[] content) {
        try {
            Optional<BufferedImage> picture = switch (kind) {
                case PDF -> firstPage(content, budget.start("The PDF"));
                case PNG, JPEG -> image(content, budget.start("The image"));
                default -> Optional.empty();
            };
            return picture.map(this::scaled)
                    .map(Thumbnails::png)
                    .<Outcome>map(Outcome.Made::new)
                    .orElseGet(() -> new Outcome.Refused(CANNOT));
        } catch (DecodingLimitExceeded e) {
            return new Outcome.Refused(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // Damaged or unsupported files (CMYK JPEGs, broken PDFs) simply have no thumbnail.
            return new Outcome.Refused(CANNOT);
        }
    }

    static final String CANNOT = "The file cannot be pictured.";

    private Optional<BufferedImage> firstPage(byte[] content, Deadline deadline) throws IOException {
        try (PDDocument document = BoundedPdf.open(content, budget)) {
            if (document.getNumberOfPages() == 0) {
                return Optional.empty();
            }
            var page = document.getPage(0);
            PDRectangle box = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            float pageWidth = turned ? box.getHeight() : box.getWidth();
            float pageHeight = turned ? box.getWidth() : box.getHeight();
            if (!(pageWidth > 0) || !(pageHeight > 0)) {
                return Optional.empty();
            }
            var bounded = new BoundedPdf(budget, deadline);
            bounded.checkForDrawing(page);
            // Pixels per point for the thumbnail's own size, whatever size (or dpi) the page has.
            float scale = Math.min(width / pageWidth, maxHeight / pageHeight);
            var renderer = new BoundedRenderer(document, budget, bounded, deadline);
            renderer.setSubsamplingAllowed(true);
            BufferedImage image = renderer.renderImage(0, scale, ImageType.RGB);
            deadline.check();
            return Optional.of(image);
        }
    }

    private Optional<BufferedImage> image(byte[] content, Deadline deadline) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                // Header only: no pixel is decoded before the size is known to be within the budget.
                int sourceWidth = reader.getWidth(0);
                int sourceHeight = reader.getHeight(0);
                budget.checkPixels("The image", sourceWidth, sourceHeight);
                ImageReadParam param = reader.getDefaultReadParam();
                // Skip rows and columns while decoding, down to no less than the thumbnail's size.
                int step = Math.max(1, Math.max(sourceWidth / width, sourceHeight / maxHeight));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.addIIOReadProgressListener(new AbortAt(deadline));
                BufferedImage image = reader.read(0, param);
                deadline.check();
                return Optional.ofNullable(image);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Asks the reader to stop (it checks between rows) once the deadline has passed. */
    private record AbortAt(Deadline deadline) implements IIOReadProgressListener {
        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (deadline.passed()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {}

        @Override
        public void sequenceComplete(ImageReader source) {}

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {}

        @Override
        public void imageComplete(ImageReader source) {}

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {}

        @Override
        public void thumbnailComplete(ImageReader source) {}

        @Override
        public void readAborted(ImageReader source) {}
    }

    /** A renderer whose page drawer keeps to the budget: pixels of each image before it is decoded, and time. */
    private static final class BoundedRenderer extends PDFRenderer {

        private final DecodingBudget budget;
        private final BoundedPdf bounded;
        private final Deadline deadline;

        BoundedRenderer(PDDocument document, DecodingBudget budget, BoundedPdf bounded, Deadline deadline) {
            super(document);
            this.budget = budget;
            this.bounded = bounded;
            this.deadline = deadline;
        }

        @Override
        protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
            return new PageDrawer(parameters) {
                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    deadline.check();
                    if ("BI".equals(operator.getName()) && operator.getImageParameters() != null) {
                        bounded.checkInlineImage(
                                operator.getImageParameters(),
                                operator.getImageData() == null ? new byte[0] : operator.getImageData());
                    }
                    super.processOperator(operator, operands);
                }

                @Override
                public void drawImage(PDImage image) throws IOException {
                    budget.checkPixels("An image in the PDF", image.getWidth(), image.getHeight());
                    super.drawImage(image);
                }

                @Override
                protected void operatorException(Operator operator, List<COSBase> operands, IOException e)
                        throws IOException {
                    if (e instanceof DecodingLimitExceeded) {
                        throw e;
                    }
                    super.operatorException(operator, operands, e);
                }
            };
        }
    }

    private BufferedImage scaled(BufferedImage source) {
        double factor =
                Math.min(1.0, Math.min((double) width / source.getWidth(), (double) maxHeight / source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        var target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
