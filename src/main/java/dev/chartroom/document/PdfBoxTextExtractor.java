package dev.chartroom.document;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Opens PDFs with PDFBox to prove they are PDFs and reads their text layer. A file that PDFBox
 * cannot open (truncated, malformed, password-protected) is not a usable PDF.
 */
public final class PdfBoxTextExtractor {

    private final int maxPages;

    /** @param maxPages pages read for text at the most, so a huge PDF cannot hold a request */
    public PdfBoxTextExtractor(int maxPages) {
        this.maxPages = maxPages;
    }

    /** The outcome of reading one PDF. */
    public sealed interface Result {
        record Readable(String text, int pages) implements Result {
        }

        record Unreadable(String reason) implements Result {
        }
    }

    public Result read(Path file) {
        try {
            return read(Loader.loadPDF(new RandomAccessReadBufferedFile(file)));
        } catch (InvalidPasswordException e) {
            return new Result.Unreadable("The PDF is password-protected.");
        } catch (IOException | RuntimeException e) {
            return new Result.Unreadable("The file is not a readable PDF.");
        }
    }

    public Result read(byte[] content) {
        try {
            return read(Loader.loadPDF(content));
        } catch (InvalidPasswordException e) {
            return new Result.Unreadable("The PDF is password-protected.");
        } catch (IOException | RuntimeException e) {
            return new Result.Unreadable("The file is not a readable PDF.");
        }
    }

    private Result read(PDDocument opened) {
        try (PDDocument document = opened) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setEndPage(Math.min(document.getNumberOfPages(), maxPages));
            String text = document.getNumberOfPages() == 0 ? "" : stripper.getText(document);
            return new Result.Readable(text.strip(), document.getNumberOfPages());
        } catch (InvalidPasswordException e) {
            return new Result.Unreadable("The PDF is password-protected.");
        } catch (IOException | RuntimeException e) {
            // PDFBox signals malformed input with IOException and, for some damage, runtime errors.
            return new Result.Unreadable("The file is not a readable PDF.");
        }
    }
}
