package dev.chartroom.upload;

import dev.chartroom.tenant.Caller;
import dev.chartroom.tenant.CallerIdentification;
import dev.chartroom.tenant.OrganizationId;
import dev.chartroom.web.IdempotencyKeyException;
import dev.chartroom.web.PayloadTooLargeException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on every tenant POST: the first answer is stored with a digest of the
 * request ({@link RequestDigest}: path, fields, each file's SHA-256), and a retry with the same key
 * (same organization) and the same request gets that answer again, marked
 * {@code Idempotent-Replayed: true}, without anything being ingested twice. The same key with a
 * different request is 422 {@code idempotency_key_reused} and ingests nothing; a retry while the
 * first is still running is 409. Refusals are thrown, so each contract answers in its own error
 * shape. Server errors are not kept, so such a request may be retried.
 *
 * <p>Runs as an interceptor after authentication and the contracts' body limits, so only a
 * request that may be served is read to digest it; {@link IdempotencyCapture} captures the answer.
 */
@Component
class IdempotencyKeys implements HandlerInterceptor, WebMvcConfigurer {

    static final String HEADER = "Idempotency-Key";
    private static final List<String> TENANT_PATHS = List.of("/v1/**", "/api/**", "/patients/**", "/attachments/**");
    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final String CLAIM = IdempotencyKeys.class.getName() + ".claim";

    /**
     * @param answerTtl    how long a stored answer is replayed
     * @param abandonedAfter when a request that never finished stops holding its key
     * @param maxAnswerSize  answers larger than this are not stored (the key is released instead)
     */
    @ConfigurationProperties("chartroom.idempotency")
    record Settings(
            @DefaultValue("24h") Duration answerTtl,
            @DefaultValue("10m") Duration abandonedAfter,
            @DefaultValue("1MB") DataSize maxAnswerSize) {}

    /** The key this request holds, from its start on. */
    private record Claim(OrganizationId organizationId, String key, Instant startedAt) {}

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
    public void addInterceptors(InterceptorRegistry registry) {
        // After the default-ordered ones: authentication and each contract's body limit come first.
        registry.addInterceptor(this).addPathPatterns(TENANT_PATHS).order(100);
    }

    /** A tenant POST with the header. Paths longer than the stored column are no endpoint of ours. */
    static boolean applies(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod())
                && request.getHeader(HEADER) != null
                && path.length() <= 1000
                && TENANT_PATHS.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException, ServletException {
        if (!applies(request)) {
            return true;
        }
        var caller = callers.identify(request::getHeader);
        if (caller.isEmpty()) {
            return true; // the endpoint refuses it in its own shape
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 255) {
            throw IdempotencyKeyException.malformed();
        }
        var read = WebUtils.getNativeRequest(request, IdempotencyCapture.ReadBody.class);
        byte[] body = read == null ? new byte[0] : read.body();
        if (body == null) {
            throw new PayloadTooLargeException("The request body exceeds the server's limit for JSON.");
        }
        String digest = RequestDigest.of(request, body);
        OrganizationId org = caller.map(Caller::organizationId).orElseThrow();
        String path = request.getRequestURI();
        // Microseconds: what both databases keep, so the start time can identify this holder later.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (!requests.start(org, key, request.getMethod(), path, digest, now)) {
            var stored = requests.find(org, key);
            if (stored.isPresent()
                    && !IdempotentRequests.expired(
                            stored.get(), now, settings.answerTtl(), settings.abandonedAfter())) {
                if (!stored.get().path().equals(path)
                        || !Objects.equals(stored.get().digest(), digest)
                                && stored.get().digest() != null) {
                    throw IdempotencyKeyException.reused();
                }
                if (!stored.get().completed()) {
                    throw IdempotencyKeyException.inProgress();
                }
                replay(response, stored.get());
                return false;
            }
            boolean claimed = stored.isEmpty()
                    ? requests.start(org, key, request.getMethod(), path, digest, now)
                    : requests.takeOver(
                            org,
                            key,
                            request.getMethod(),
                            path,
                            digest,
                            stored.get().startedAt(),
                            now);
            if (!claimed) {
                throw IdempotencyKeyException.inProgress();
            }
        }
        request.setAttribute(CLAIM, new Claim(org, key, now));
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!(request.getAttribute(CLAIM) instanceof Claim claim)) {
            return;
        }
        var captured = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        byte[] body = captured == null ? null : captured.getContentAsByteArray();
        if (failure == null
                && body != null
                && response.getStatus() < 500
                && body.length <= settings.maxAnswerSize().toBytes()) {
            requests.complete(
                    claim.organizationId(),
                    claim.key(),
                    claim.startedAt(),
                    response.getStatus(),
                    response.getContentType(),
                    body,
                    Instant.now(clock));
        } else {
            requests.forget(claim.organizationId(), claim.key(), claim.startedAt());
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
}
