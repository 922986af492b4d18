package dev.chartroom.document;

import java.nio.charset.StandardCharsets;

/**
 * Reads a PDF that a contract promises to be "a valid PDF document": PDFBox must open it (so not
 * encrypted, not malformed beyond repair), it must have a page, and it must end with the
 * {@code %%EOF} marker in its last 1024 bytes as readers expect. PDFBox alone repairs a truncated
 * file silently; the end marker tells that a file was cut off. It must also keep to its
 * {@link DecodingBudget} (see {@link PdfBoxTextExtractor}).
 */
final class StrictPdfReader {

    private static final byte[] END = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private final PdfBoxTextExtractor extractor;

    /** @param maxPages pages read for text at the most */
    public StrictPdfReader(int maxPages) {
        this(maxPages, DecodingBudget.DEFAULT);
    }

    public StrictPdfReader(int maxPages, DecodingBudget budget) {
        this.extractor = new PdfBoxTextExtractor(maxPages, budget);
    }

    public PdfBoxTextExtractor.Result read(byte[] content) {
        if (!endsWithEndMarker(content)) {
            return new PdfBoxTextExtractor.Result.Unreadable("The PDF is incomplete (it does not end with %%EOF).");
        }
        var result = extractor.read(content);
        if (result instanceof PdfBoxTextExtractor.Result.Readable readable && readable.pages() == 0) {
            return new PdfBoxTextExtractor.Result.Unreadable("The PDF has no pages.");
        }
        return result;
    }

    static boolean endsWithEndMarker(byte[] content) {
        int from = Math.max(0, content.length - 1024);
        outer:
        for (int i = content.length - END.length; i >= from; i--) {
            for (int j = 0; j < END.length; j++) {
                if (content[i + j] != END[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
