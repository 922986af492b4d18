package dev.chartroom.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Opens PDFs with PDFBox to prove they are PDFs and reads their text layer. A file that PDFBox
 * cannot open (truncated, malformed, password-protected) is not a usable PDF, and neither is one
 * that goes past its {@link DecodingBudget}: streams that inflate past the budget are found before
 * PDFBox inflates them ({@link BoundedPdf}), and reading stops at the time limit.
 */
public final class PdfBoxTextExtractor {

    private final int maxPages;
    private final DecodingBudget budget;

    /** @param maxPages pages read for text at the most, so a huge PDF cannot hold a request */
    public PdfBoxTextExtractor(int maxPages) {
        this(maxPages, DecodingBudget.DEFAULT);
    }

    public PdfBoxTextExtractor(int maxPages, DecodingBudget budget) {
        this.maxPages = maxPages;
        this.budget = budget;
    }

    /** The outcome of reading one PDF. */
    public sealed interface Result {
        record Readable(String text, int pages) implements Result {}

        record Unreadable(String reason) implements Result {}
    }

    public Result read(Path file) {
        Deadline deadline = budget.start("The PDF");
        try {
            return read(
                    Loader.loadPDF(
                            new RandomAccessReadBufferedFile(file),
                            MemoryUsageSetting.setupMainMemoryOnly(budget.maxDecodedBytes()).streamCache),
                    deadline);
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
    }

    public Result read(byte[] content) {
        Deadline deadline = budget.start("The PDF");
        try {
            return read(BoundedPdf.open(content, budget), deadline);
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
    }

    private Result read(PDDocument opened, Deadline deadline) {
        try (PDDocument document = opened) {
            int pages = document.getNumberOfPages();
            int last = Math.min(pages, maxPages);
            var bounded = new BoundedPdf(budget, deadline);
            for (int i = 0; i < last; i++) {
                bounded.checkForText(document.getPage(i));
            }
            var stripper = new BoundedTextStripper(deadline);
            stripper.setSortByPosition(true);
            stripper.setEndPage(last);
            String text = pages == 0 ? "" : stripper.getText(document);
            deadline.check();
            return new Result.Readable(text.strip(), pages);
        } catch (IOException | RuntimeException e) {
            return unreadable(e);
        }
    }

    private static Result unreadable(Exception e) {
        if (e instanceof DecodingLimitExceeded exceeded) {
            return new Result.Unreadable(exceeded.getMessage());
        }
        if (e instanceof InvalidPasswordException) {
            return new Result.Unreadable("The PDF is password-protected.");
        }
        // PDFBox signals malformed input with IOException and, for some damage, runtime errors.
        return new Result.Unreadable("The file is not a readable PDF.");
    }

    /** Stops at the deadline between two operators, and never lets PDFBox swallow that stop. */
    private static final class BoundedTextStripper extends PDFTextStripper {

        private final Deadline deadline;

        BoundedTextStripper(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            deadline.check();
            super.processOperator(operator, operands);
        }

        @Override
        protected void operatorException(Operator operator, List<COSBase> operands, IOException e) throws IOException {
            if (e instanceof DecodingLimitExceeded) {
                throw e;
            }
            super.operatorException(operator, operands, e);
        }
    }
}
