package dev.chartroom.upload;

import dev.chartroom.tenant.CallerIdentification;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every tenant POST: the first answer is stored, and a retry with the
 * same key (same organization) gets that answer again, marked {@code Idempotent-Replayed: true},
 * without anything being ingested twice. A retry while the first is still running is 409; a key
 * reused for another path is 422. Server errors are not kept, so such a request may be retried.
 */
@Component
class IdempotencyKeys extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final List<String> TENANT_PATHS = List.of("/v1/**", "/api/**", "/patients/**", "/attachments/**");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /**
     * @param answersKept    how long a stored answer is replayed ({@code chartroom.idempotency.answers-kept})
     * @param abandonedAfter when a request that never finished stops holding its key
     * @param maxAnswerSize  answers larger than this are not stored (the key is released instead)
     */
    @ConfigurationProperties("chartroom.idempotency")
    record Settings(@DefaultValue("24h") Duration answersKept, @DefaultValue("10m") Duration abandonedAfter,
                    @DefaultValue("1MB") DataSize maxAnswerSize) {
    }

    private final CallerIdentification callers;
    private final IdempotentRequests requests;
    private final Settings settings;
    private final Clock clock;

    IdempotencyKeys(CallerIdentification callers, IdempotentRequests requests, Settings settings, Clock clock) {
        this.callers = callers;
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Paths longer than the stored column are no endpoint of ours: they get their 404 as usual.
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || path.length() > 1000
                || TENANT_PATHS.stream().noneMatch(pattern -> PATHS.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        var caller = callers.identify(request::getHeader);
        if (caller.isEmpty()) {
            chain.doFilter(request, response); // the endpoint refuses it in its own shape
            return;
        }
        if (key.isEmpty() || key.length() > 255) {
            refuse(response, 400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 characters.");
            return;
        }
        String org = caller.get().organizationId();
        String path = request.getRequestURI();
        // Microseconds: what both databases keep, so the start time can identify this holder later.
        Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (!requests.start(org, key, request.getMethod(), path, now)) {
            var stored = requests.find(org, key);
            if (stored.isEmpty() || IdempotentRequests.expired(stored.get(), now, settings.answersKept(), settings.abandonedAfter())) {
                if (stored.isEmpty() ? !requests.start(org, key, request.getMethod(), path, now)
                        : !requests.takeOver(org, key, request.getMethod(), path, stored.get().startedAt(), now)) {
                    refuse(response, 409, "idempotency_conflict", "A request with this Idempotency-Key is in progress.");
                    return;
                }
            } else if (!stored.get().path().equals(path)) {
                refuse(response, 422, "idempotency_key_reused", "This Idempotency-Key was used for another request.");
                return;
            } else if (!stored.get().completed()) {
                refuse(response, 409, "idempotency_conflict", "A request with this Idempotency-Key is in progress.");
                return;
            } else {
                replay(response, stored.get());
                return;
            }
        }
        var captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            byte[] body = captured.getContentAsByteArray();
            if (captured.getStatus() < 500 && body.length <= settings.maxAnswerSize().toBytes()) {
                requests.complete(org, key, now, captured.getStatus(), captured.getContentType(), body, Instant.now(clock));
                kept = true;
            }
        } finally {
            if (!kept) {
                requests.forget(org, key, now);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, IdempotentRequests.Stored stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] body = ("{\"success\":false,\"error\":\"" + code + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
