package dev.chartroom.tenant;

import dev.chartroom.text.Sha256;
import dev.chartroom.web.ForbiddenException;
import dev.chartroom.web.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards {@code /admin/**}: the admin token as a Bearer credential, and a closed API when none is set. */
class AdminAccess implements HandlerInterceptor {

    private final TenantProperties properties;

    AdminAccess(TenantProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = properties.adminToken();
        if (token == null || token.isBlank()) {
            throw new ForbiddenException(
                    "admin_api_closed",
                    "The admin API is closed: set CHARTROOM_ADMIN_TOKEN, or use 'java -jar chartroom.jar admin'.");
        }
        String authorization = request.getHeader("Authorization");
        String sent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : "";
        if (!MessageDigest.isEqual(
                Sha256.hex(sent).getBytes(StandardCharsets.US_ASCII),
                Sha256.hex(token).getBytes(StandardCharsets.US_ASCII))) {
            throw new UnauthenticatedException("unauthorized", "Missing or invalid admin token.");
        }
        return true;
    }
}
