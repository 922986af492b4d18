package dev.chartroom.intake;

import dev.chartroom.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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
        Map<String, DataSize> byPath = Map.of("/api/v1/csv", limits.typedCsvMaxFileSize());
        byPath.forEach((path, limit) -> registry.addInterceptor(new Limit(limit.toBytes() + ENVELOPE, limit))
                .addPathPatterns(List.of(path)));
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
