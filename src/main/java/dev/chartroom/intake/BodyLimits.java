package dev.chartroom.intake;

import dev.chartroom.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Applies each contract controller's {@link LimitedBody} to the declared length of its requests. */
@Configuration(proxyBeanMethods = false)
class BodyLimits implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method
                        && method.getBean() instanceof LimitedBody limited
                        && request.getContentLengthLong() > limited.maxBody()) {
                    throw new PayloadTooLargeException(
                            "File exceeds " + limited.fileLimit().toMegabytes() + "MB.");
                }
                return true;
            }
        });
    }
}
