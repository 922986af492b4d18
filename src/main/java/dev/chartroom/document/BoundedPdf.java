package dev.chartroom.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Holds one PDF to its {@link DecodingBudget}. PDFBox 3 inflates a stream whole, in memory, the
 * first time anything reads it ({@code COSStream.createInputStream}/{@code createView} decode every
 * filter into a buffer), and has no limit of its own: so before a page is read for text or drawn,
 * every stream it would read is inflated here once into a counting sink that stops at the budget,
 * keeping nothing. Image streams are judged by the size they declare (pixels) and may inflate to
 * that size and no more; they are skipped for text, which never decodes them.
 *
 * <p>Not covered: object and cross-reference streams that PDFBox inflates while it opens the file
 * (before any page is reachable); the time limit and the pool bound those.
 */
final class BoundedPdf {

    private static final Set<COSName> IMAGE_CODECS = Set.of(
            COSName.DCT_DECODE,
            COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE,
            COSName.JBIG2_DECODE,
            COSName.CCITTFAX_DECODE,
            COSName.CCITTFAX_DECODE_ABBREVIATION);
    /** Links out of a page's graphics to other pages, actions and the page tree: not read when drawing it. */
    private static final Set<COSName> NOT_FOLLOWED = Set.of(
            COSName.PARENT,
            COSName.P,
            COSName.DEST,
            COSName.A,
            COSName.getPDFName("Next"),
            COSName.getPDFName("Prev"),
            COSName.getPDFName("First"),
            COSName.getPDFName("Last"),
            COSName.getPDFName("StructParent"),
            COSName.getPDFName("StructParents"));
    /** Bytes an image stream may inflate to per pixel at the most (four 16-bit components), plus some slack. */
    private static final long BYTES_PER_PIXEL = 8;

    private static final long IMAGE_SLACK = 1 << 20;
    private static final int CHECK_EVERY = 1 << 20;

    private final DecodingBudget budget;
    private final Deadline deadline;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private long decoded;

    BoundedPdf(DecodingBudget budget, Deadline deadline) {
        this.budget = budget;
        this.deadline = deadline;
    }

    /** Opens a PDF with PDFBox's own scratch memory bounded by the budget. */
    static PDDocument open(byte[] content, DecodingBudget budget) throws IOException {
        return Loader.loadPDF(
                content, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(budget.maxDecodedBytes()).streamCache);
    }

    /** Checks what reading the page's text would inflate: its contents and resources, images left out. */
    void checkForText(PDPage page) throws IOException {
        walk(page.getCOSObject().getDictionaryObject(COSName.CONTENTS), false);
        PDResources resources = page.getResources();
        if (resources != null) {
            walk(resources.getCOSObject(), false);
        }
    }

    /** Checks what drawing the page would inflate: as for text, plus images and annotation appearances. */
    void checkForDrawing(PDPage page) throws IOException {
        walk(page.getCOSObject().getDictionaryObject(COSName.CONTENTS), true);
        PDResources resources = page.getResources();
        if (resources != null) {
            walk(resources.getCOSObject(), true);
        }
        if (page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
            for (COSBase annotation : annotations) {
                if (resolve(annotation) instanceof COSDictionary dictionary) {
                    walk(dictionary.getDictionaryObject(COSName.AP), true);
                }
            }
        }
    }

    /** Checks an inline image of a content stream (its parameters and data) before PDFBox decodes it. */
    void checkInlineImage(COSDictionary parameters, byte[] data) throws IOException {
        long width = parameters.getInt(COSName.W, COSName.WIDTH, -1);
        long height = parameters.getInt(COSName.H, COSName.HEIGHT, -1);
        budget.checkPixels("An image in the PDF", width, height);
        List<COSName> filters = filters(parameters.getDictionaryObject(COSName.F, COSName.FILTER));
        inflate(
                new ByteArrayInputStream(data),
                filters,
                parameters,
                imageLimit(width, height),
                "An image in the PDF decompresses to more than its declared size.");
    }

    private void walk(COSBase root, boolean images) throws IOException {
        Deque<COSBase> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            deadline.check();
            COSBase base = resolve(todo.pop());
            if (base == null || !seen.add(base)) {
                continue;
            }
            if (base instanceof COSStream stream) {
                if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    if (!images) {
                        continue;
                    }
                    checkImage(stream);
                } else {
                    decoded += inflate(
                            stream,
                            budget.maxDecodedBytes() - decoded,
                            "The PDF decompresses to more than " + DecodingBudget.size(budget.maxDecodedBytes()) + ".");
                }
            }
            if (base instanceof COSDictionary dictionary) {
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    if (!NOT_FOLLOWED.contains(entry.getKey())) {
                        todo.push(entry.getValue());
                    }
                }
            } else if (base instanceof COSArray array) {
                for (COSBase item : array) {
                    todo.push(item);
                }
            }
        }
    }

    private void checkImage(COSStream image) throws IOException {
        long width = image.getInt(COSName.WIDTH, COSName.W, -1);
        long height = image.getInt(COSName.HEIGHT, COSName.H, -1);
        budget.checkPixels("An image in the PDF", width, height);
        List<COSName> filters = filters(image.getFilters());
        if (!filters.isEmpty()
                && (filters.getFirst().equals(COSName.DCT_DECODE)
                        || filters.getFirst().equals(COSName.DCT_DECODE_ABBREVIATION))) {
            // A JPEG decodes to the size its own header says, whatever the dictionary claims.
            try (InputStream raw = image.createRawInputStream()) {
                checkJpegHeader(raw);
            }
            return;
        }
        inflate(image, imageLimit(width, height), "An image in the PDF decompresses to more than its declared size.");
    }

    private void checkJpegHeader(InputStream raw) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(raw)) {
            var readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                budget.checkPixels("An image in the PDF", reader.getWidth(0), reader.getHeight(0));
            } catch (DecodingLimitExceeded e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // A damaged JPEG is PDFBox's to judge when it draws; its size is not.
            } finally {
                reader.dispose();
            }
        }
    }

    private static long imageLimit(long width, long height) {
        return Math.max(0, width) * Math.max(0, height) * BYTES_PER_PIXEL + IMAGE_SLACK;
    }

    private long inflate(COSStream stream, long limit, String refusal) throws IOException {
        List<COSName> filters = filters(stream.getFilters());
        if (filters.isEmpty()) {
            return stream.getLength();
        }
        try (InputStream raw = stream.createRawInputStream()) {
            return inflate(raw, filters, stream, limit, refusal);
        }
    }

    /**
     * Runs the stream's general-purpose filters (Flate, LZW, run length, ASCII) into a sink that counts
     * and stops past {@code limit}; image codecs at the end of the chain are left to the image checks.
     * A stream PDFBox cannot decode is its to judge later: only the budget is enforced here.
     */
    private long inflate(InputStream raw, List<COSName> filters, COSDictionary parameters, long limit, String refusal)
            throws IOException {
        int general = 0;
        while (general < filters.size() && !IMAGE_CODECS.contains(filters.get(general))) {
            general++;
        }
        if (general == 0) {
            return 0;
        }
        InputStream in = raw;
        try {
            for (int i = 0; i < general - 1; i++) {
                var stage = new Sink(limit, refusal, true);
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, stage, parameters, i);
                in = new ByteArrayInputStream(stage.kept.toByteArray());
            }
            var sink = new Sink(limit, refusal, false);
            FilterFactory.INSTANCE.getFilter(filters.get(general - 1)).decode(in, sink, parameters, general - 1);
            return sink.count;
        } catch (DecodingLimitExceeded e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static List<COSName> filters(COSBase filter) {
        List<COSName> names = new ArrayList<>();
        COSBase resolved = resolve(filter);
        if (resolved instanceof COSName name) {
            names.add(name);
        } else if (resolved instanceof COSArray array) {
            for (COSBase item : array) {
                if (resolve(item) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static COSBase resolve(COSBase base) {
        return base instanceof COSObject object ? object.getObject() : base;
    }

    /** Counts decoded bytes (keeping them only between two filters) and stops past the limit or the deadline. */
    private final class Sink extends OutputStream {

        private final long limit;
        private final String refusal;
        private final ByteArrayOutputStream kept;
        private long count;
        private long sinceCheck;

        Sink(long limit, String refusal, boolean keep) {
            this.limit = limit;
            this.refusal = refusal;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > limit) {
                throw new DecodingLimitExceeded(refusal);
            }
            sinceCheck += len;
            if (sinceCheck >= CHECK_EVERY) {
                sinceCheck = 0;
                deadline.check();
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }
    }
}
