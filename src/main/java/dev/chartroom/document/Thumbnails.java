package dev.chartroom.document;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Small PNG pictures of documents: the first page of a PDF rendered by PDFBox, or a PNG or JPEG
 * scaled down. Images are decoded with subsampling, so a huge picture never needs its full size in
 * memory. A file that cannot be pictured (damaged, encrypted, another kind) has no thumbnail.
 */
public final class Thumbnails {

    private final int width;
    private final int maxHeight;

    /** @param width the thumbnail's width in pixels (smaller pictures keep their size); height at most twice it */
    public Thumbnails(int width) {
        this.width = width;
        this.maxHeight = 2 * width;
    }

    /** A PNG thumbnail of the file, or empty when it cannot be pictured. */
    public Optional<byte[]> of(ContentKind kind, byte[] content) {
        try {
            Optional<BufferedImage> picture = switch (kind) {
                case PDF -> firstPage(content);
                case PNG, JPEG -> image(content);
                default -> Optional.empty();
            };
            return picture.map(this::scaled).map(Thumbnails::png);
        } catch (IOException | RuntimeException e) {
            // Damaged or unsupported files (CMYK JPEGs, broken PDFs) simply have no thumbnail.
            return Optional.empty();
        }
    }

    private Optional<BufferedImage> firstPage(byte[] content) throws IOException {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() == 0) {
                return Optional.empty();
            }
            var page = document.getPage(0);
            PDRectangle box = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            float pageWidth = turned ? box.getHeight() : box.getWidth();
            float pageHeight = turned ? box.getWidth() : box.getHeight();
            if (pageWidth <= 0 || pageHeight <= 0) {
                return Optional.empty();
            }
            float scale = Math.min(width / pageWidth, maxHeight / pageHeight);
            return Optional.of(new PDFRenderer(document).renderImage(0, scale, ImageType.RGB));
        }
    }

    private Optional<BufferedImage> image(byte[] content) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int sourceWidth = reader.getWidth(0);
                int sourceHeight = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                // Skip rows and columns while decoding, down to no less than the thumbnail's size.
                int step = Math.max(1, Math.max(sourceWidth / width, sourceHeight / maxHeight));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.ofNullable(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    private BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, Math.min((double) width / source.getWidth(), (double) maxHeight / source.getHeight()));
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
