package io.subnet2.validator.web.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.subnet2.validator.web.ApiProperties;
import io.subnet2.validator.web.api.RateLimitFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ApiProperties properties;

    WebConfiguration(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminTokenInterceptor(properties)).addPathPatterns("/api/v1/admin/**");
    }

    @Bean
    FilterRegistrationBean<ManagementAccessFilter> managementAccessFilter() {
        FilterRegistrationBean<ManagementAccessFilter> bean = new FilterRegistrationBean<>(
                new ManagementAccessFilter(properties));
        bean.addUrlPatterns("/actuator", "/actuator/*");
        return bean;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter() {
        FilterRegistrationBean<BodySizeFilter> bean = new FilterRegistrationBean<>(
                new BodySizeFilter(properties.maxBodyBytes()));
        bean.addUrlPatterns("/api/*");
        return bean;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter() {
        FilterRegistrationBean<RateLimitFilter> bean = new FilterRegistrationBean<>(
                new RateLimitFilter(properties.rateLimit(), System::nanoTime));
        bean.addUrlPatterns("/api/*", "/v3/api-docs/*", "/", "/tournaments/*", "/miners/*");
        return bean;
    }
}
