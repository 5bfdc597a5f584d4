package org.grantline.operations;

import org.grantline.security.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Prometheus scrapes {@code /actuator/prometheus} with HTTP Basic as an administrator or an auditor; no
 * anonymous access (health stays open for load balancers and orchestrators).
 */
@Configuration
@ConditionalOnWebApplication
class MetricsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole("CAMUNDA_ADMIN",
                        Roles.role(Roles.AUDITOR).substring("ROLE_".length())))
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
