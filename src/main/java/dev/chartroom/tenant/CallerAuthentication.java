package dev.chartroom.tenant;

import dev.chartroom.web.ForbiddenException;
import dev.chartroom.web.UnauthenticatedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every request to a tenant-facing path before its controller runs, and hands the
 * result to controllers as a {@link Caller} parameter.
 *
 * <p>It runs as a handler interceptor rather than a servlet filter so that a refusal is an
 * exception the endpoint's own advice turns into that contract's error shape.
 */
class CallerAuthentication implements HandlerInterceptor, HandlerMethodArgumentResolver {

    private static final String CALLER = CallerAuthentication.class.getName() + ".caller";

    private final CredentialCheck credentials;

    CallerAuthentication(CredentialCheck credentials) {
        this.credentials = credentials;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        switch (credentials.check(request::getHeader)) {
            case Authentication.Authenticated(Caller caller) -> request.setAttribute(CALLER, caller);
            case Authentication.OtherOrganization ignored ->
                throw new ForbiddenException("forbidden", "This API key does not have access to that organization.");
            case Authentication.Missing ignored ->
                throw new UnauthenticatedException("unauthorized", "Missing API key.");
            case Authentication.Invalid ignored ->
                throw new UnauthenticatedException("unauthorized", "Invalid API key.");
        }
        return true;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        var caller = (Caller) request.getAttribute(CALLER, NativeWebRequest.SCOPE_REQUEST);
        if (caller == null) {
            // A controller asked for a caller on a path the interceptor does not guard: refuse.
            throw new UnauthenticatedException("unauthorized", "Missing API key.");
        }
        return caller;
    }
}
