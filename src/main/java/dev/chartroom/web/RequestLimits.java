package dev.chartroom.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The body limit of every request that is not multipart (JSON above all, the admin API's too):
 * a declared length over {@code chartroom.limits.max-json-size} is refused before a byte is read
 * (413 in the endpoint's shape), and a body without a declared length is cut off while streaming
 * once it passes the limit. Multipart bodies have their contracts' limits (see the intake module);
 * their file names are held to {@code chartroom.limits.max-file-name-length} (400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class RequestLimits extends OncePerRequestFilter implements WebMvcConfigurer {

    /**
     * @param maxRequestSize    the largest request body any endpoint accepts; a larger one is cut off
     *                          while streaming (413)
     * @param fileSizeThreshold parts above this size are streamed to a temporary file instead of being
     *                          held in memory
     * @param maxJsonSize       the largest body that is not multipart (JSON, the admin API's too): 413
     *                          before it is read
     * @param maxFileNameLength the longest name of a sent file, in characters (400 past it)
     */
    @ConfigurationProperties("chartroom.limits")
    public record Settings(
            @DefaultValue("64MB") DataSize maxRequestSize,
            @DefaultValue("256KB") DataSize fileSizeThreshold,
            @DefaultValue("1MB") DataSize maxJsonSize,
            @DefaultValue("255") int maxFileNameLength) {}

    /** The container's multipart limits, from the same settings (Spring Boot's own then back off). */
    @Bean
    MultipartConfigElement multipartConfigElement(Settings settings) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(settings.maxRequestSize());
        factory.setMaxRequestSize(settings.maxRequestSize());
        factory.setFileSizeThreshold(settings.fileSizeThreshold());
        return factory.createMultipartConfig();
    }

    /** A body without a declared length grew past the limit while it was read. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("The request body exceeds " + limit / 1024 + "KB.");
        }
    }

    private final long limit;
    private final int maxFileNameLength;

    RequestLimits(Settings settings) {
        this.limit = settings.maxJsonSize().toBytes();
        this.maxFileNameLength = settings.maxFileNameLength();
    }

    /** Whether a failure while reading a body came from this limit, at any depth. */
    public static boolean cutOff(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    public String describeLimit() {
        return "A request body that is not multipart may be at most " + limit / 1024 + "KB.";
    }

    private static boolean multipart(HttpServletRequest request) {
        return String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return multipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedBody(request, limit), response);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (!multipart(request) && request.getContentLengthLong() > limit) {
                            throw new PayloadTooLargeException(describeLimit());
                        }
                        return true;
                    }
                })
                .order(Ordered.HIGHEST_PRECEDENCE);
        // After the contracts' own body limits (order 0): only a body that may be read is parsed here.
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (request instanceof org.springframework.web.multipart.MultipartHttpServletRequest form) {
                            java.util.List<org.springframework.web.multipart.MultipartFile> files;
                            try {
                                files = form.getMultiFileMap().values().stream()
                                        .flatMap(java.util.List::stream)
                                        .toList();
                            } catch (org.springframework.web.multipart.MultipartException unreadable) {
                                return true; // the contract reads the parts again and answers the same failure in its
                                // terms
                            }
                            for (var file : files) {
                                String name = file.getOriginalFilename();
                                if (name != null && name.indexOf('\u0000') >= 0) {
                                    throw nul("the name of the file sent as " + fieldName(file.getName()));
                                }
                                if (name != null && name.length() > maxFileNameLength) {
                                    throw new InvalidRequestException(
                                            "invalid_file_name",
                                            "The name of the file sent as '"
                                                    + file.getName() + "' has " + name.length()
                                                    + " characters; at most "
                                                    + maxFileNameLength + " are accepted.");
                                }
                            }
                        }
                        refuseNul(request);
                        return true;
                    }
                })
                .order(50);
    }

    /**
     * The fields must decode, and none may hold a NUL character: it is never text a person typed, and
     * PostgreSQL refuses it in any text column, so it would fail the write late instead of being
     * refused here.
     */
    private static void refuseNul(HttpServletRequest request) {
        java.util.Map<String, String[]> fields;
        try {
            fields = request.getParameterMap();
        } catch (org.apache.tomcat.util.http.InvalidParameterException unreadable) {
            if (unreadable.getErrorCode() != HttpServletResponse.SC_BAD_REQUEST) {
                throw unreadable; // a stalled or oversized body: the container answers it (408, 413)
            }
            // Thrown once: asked again, Tomcat answers with no fields at all, so the contract would say "missing".
            throw new InvalidRequestException(
                    "invalid_request",
                    "The form body cannot be read: a field has a broken percent-escape or is not UTF-8.");
        }
        for (var field : fields.entrySet()) {
            if (field.getKey().indexOf('\u0000') >= 0) {
                throw nul("a field name");
            }
            for (String value : field.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw nul(fieldName(field.getKey()));
                }
            }
        }
    }

    private static InvalidRequestException nul(String where) {
        return new InvalidRequestException("invalid_request", "A NUL character is not accepted in " + where + ".");
    }

    /** The field's name for a message, when it is a plain name; the name is the client's own input. */
    private static String fieldName(String name) {
        return name != null && name.matches("[A-Za-z0-9_.\\[\\]-]{1,64}") ? "'" + name + "'" : "a form field";
    }

    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
            try {
                charset = encoding == null ? charset : java.nio.charset.Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // read as UTF-8; the JSON reader judges the bytes
            }
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
