package io.perdura.frontend.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the frontend's interceptors for its API paths. */
@Component
class FrontendWebMvcConfigurer implements WebMvcConfigurer {

    private final RequestMdc requestMdc;

    FrontendWebMvcConfigurer(RequestMdc requestMdc) {
        this.requestMdc = requestMdc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requestMdc).addPathPatterns("/api/**");
    }
}
