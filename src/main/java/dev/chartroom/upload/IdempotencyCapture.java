package dev.chartroom.upload;

import dev.chartroom.web.RequestLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds what {@link IdempotencyKeys} needs around a POST that carries an {@code Idempotency-Key}:
 * the answer, captured so it can be stored and then sent; and a body that is neither a form nor
 * multipart, read once (within {@code chartroom.limits.max-json-size}) so it can be digested and
 * still reach the controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class IdempotencyCapture extends OncePerRequestFilter {

    private final RequestLimits.Settings limits;

    IdempotencyCapture(RequestLimits.Settings limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !IdempotencyKeys.applies(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(
                    formOrMultipart(request)
                            ? request
                            : new ReadBody(request, limits.maxJsonSize().toBytes()),
                    captured);
        } finally {
            captured.copyBodyToResponse();
        }
    }

    private static boolean formOrMultipart(HttpServletRequest request) {
        String type = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    /** A request whose body was read ahead (up to a bound) and is served again from memory. */
    static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final boolean complete;

        ReadBody(HttpServletRequest request, long limit) throws IOException {
            super(request);
            byte[] read;
            try {
                read = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            } catch (RequestLimits.BodyTooLarge cutOff) {
                read = null;
            }
            this.complete = read != null && read.length <= limit;
            this.body = complete ? read : new byte[0];
        }

        /** The whole body, or null when it was longer than the bound. */
        byte[] body() {
            return complete ? body : null;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = StandardCharsets.UTF_8;
            try {
                charset = encoding == null ? charset : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // an unknown charset name: read as UTF-8, and the JSON reader judges the bytes
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return complete ? body.length : super.getContentLength();
        }

        @Override
        public long getContentLengthLong() {
            return complete ? body.length : super.getContentLengthLong();
        }
    }
}
