package dev.chartroom.tenant;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Which paths are tenant-facing (every key style) and which are the admin API's. */
@Configuration(proxyBeanMethods = false)
class TenantWebConfiguration implements WebMvcConfigurer {

    /** Every path a tenant calls: the native API and the five compat contracts. */
    static final List<String> TENANT_PATHS = List.of("/v1/**", "/api/**", "/patients/**", "/attachments/**");

    private final CallerAuthentication callers;
    private final AdminAccess admin;

    TenantWebConfiguration(ApiKeys keys, TenantProperties properties) {
        this.callers = new CallerAuthentication(new CredentialCheck(keys));
        this.admin = new AdminAccess(properties);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(callers).addPathPatterns(TENANT_PATHS);
        registry.addInterceptor(admin).addPathPatterns("/admin/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }
}
