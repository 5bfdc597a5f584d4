package org.grantline.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Camunda's REST API runs each request as the user Spring Security signed in, with their groups, so that
 * Camunda's authorizations apply and the engine records who acted (a task completed over REST names its
 * caseworker).
 */
@Configuration
class EngineRestAuthentication {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestUser(IdentityService identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication user = SecurityContextHolder.getContext().getAuthentication();
                if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
                    chain.doFilter(request, response);
                    return;
                }
                List<String> groups = identity.createGroupQuery().groupMember(user.getName()).list().stream()
                        .map(Group::getId).toList();
                identity.setAuthentication(user.getName(), groups);
                try {
                    chain.doFilter(request, response);
                } finally {
                    identity.clearAuthentication();
                }
            }
        });
        registration.addUrlPatterns("/engine-rest/*");
        // After Spring Security, which has signed the user in (or refused the request).
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
