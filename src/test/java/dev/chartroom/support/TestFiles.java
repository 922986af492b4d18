package dev.chartroom.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files for tests: PDFs and pictures made on the spot, and pieces of the shared real-world data set. */
public final class TestFiles {

    /**
     * The pieces of the shared data set the tests read, copied into the repository
     * ({@code src/test/resources/shared-data}, same paths, with their licence files).
     */
    public static final Path SHARED_DATA = sharedData();

    private TestFiles() {}

    /** A one-page PDF whose text layer holds these lines. */
    public static byte[] pdf(String... lines) {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            var page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(72, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG picture of this size with a gradient. */
    public static byte[] png(int width, int height) {
        return image("png", width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    }

    /** A JPEG picture of this size with a gradient. */
    public static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] image(String format, int width, int height, int type) {
        var picture = new java.awt.image.BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, 0xff000000 | (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x80);
            }
        }
        try (var out = new ByteArrayOutputStream()) {
            if (!javax.imageio.ImageIO.write(picture, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the shared data set, by its path inside it. */
    public static byte[] shared(String relativePath) {
        try {
            return Files.readAllBytes(SHARED_DATA.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a folder of the shared data set (and its subfolders) whose names end so, sorted. */
    public static List<Path> sharedFiles(String folder, String suffix) {
        try (Stream<Path> all = Files.walk(SHARED_DATA.resolve(folder))) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sharedData() {
        var folder = TestFiles.class.getResource("/shared-data/README.md");
        if (folder == null) {
            throw new IllegalStateException("test resources lack shared-data/README.md");
        }
        try {
            return Path.of(folder.toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
