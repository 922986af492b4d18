package dev.chartroom.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer to a request that has a body goes out whole, with a Content-Length, before the
 * container deals with what is left of that body. A refusal given before the body is read (413,
 * 401) would otherwise go out chunked, and Tomcat writes the last chunk only after it has drained
 * or given up on the rest of the body; when it gives up it closes the connection and the client
 * reads a broken answer instead of the refusal. These answers are small JSON, so holding them in
 * memory costs little; downloads (GET, no body) are not held.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WholeAnswers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException failure) {
            answer.copyBodyToResponse(); // uncommitted: the container's error page may still replace it
            throw failure;
        }
        answer.copyBodyToResponse();
        response.flushBuffer();
    }
}
