package dev.chartroom.intake;

import dev.chartroom.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a body whose declared length is already over its contract's file limit, before a byte
 * of it is read (parts are parsed lazily, after interceptors). Bodies without a length are held to
 * the server-wide limit while streaming and to the contract's limit once parsed.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimits implements WebMvcConfigurer {

    /** Room for the multipart envelope and the small fields beside the file. */
    private static final long ENVELOPE = 64 * 1024;

    private final IntakeLimits limits;

    BodyLimits(IntakeLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        add(registry, List.of("/api/v1/csv"), limits.typedCsvMaxFileSize().toBytes() + ENVELOPE,
                limits.typedCsvMaxFileSize());
        add(registry, List.of("/patients/*/pdf", "/patients/*/pdf/"),
                limits.patientPdfMaxFileSize().toBytes() + ENVELOPE, limits.patientPdfMaxFileSize());
        // The document seed answers a file over 5MB with 400, so a body a little over the limit is read
        // and refused in the contract's terms; only one far over it is cut off here.
        add(registry, List.of("/v1/documents"), limits.documentMaxFileSize().toBytes() + DataSize.ofMegabytes(1).toBytes(),
                limits.documentMaxFileSize());
        DataSize attachments = DataSize.ofBytes(limits.attachmentsMaxFileSize().toBytes() * limits.attachmentsMaxFiles());
        add(registry, List.of("/attachments/bulk"), attachments.toBytes() + ENVELOPE, attachments);
    }

    private static void add(InterceptorRegistry registry, List<String> paths, long maxBody, DataSize fileLimit) {
        registry.addInterceptor(new Limit(maxBody, fileLimit)).addPathPatterns(paths);
    }

    private record Limit(long maxBody, DataSize fileLimit) implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getContentLengthLong() > maxBody) {
                throw new PayloadTooLargeException("File exceeds " + fileLimit.toMegabytes() + "MB.");
            }
            return true;
        }
    }
}
