package org.grantline.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.grantline.security.Roles.APPLICANT;
import static org.grantline.security.Roles.AUDITOR;
import static org.grantline.security.Roles.CASEWORKER;
import static org.grantline.security.Roles.DESIGNER;

/**
 * Who may do what. The JSON API and Camunda's REST API are stateless (HTTP Basic, no CSRF since no
 * browser session is used); everything else is behind a login form with CSRF protection, except health.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(a -> a
                        // Users, groups, authorizations and deployments change only by administrators.
                        .requestMatchers(identityAndDeploymentWrites("/engine-rest")).hasRole("CAMUNDA_ADMIN")
                        .requestMatchers(identityAndDeploymentWrites("/engine-rest/engine/*")).hasRole("CAMUNDA_ADMIN")
                        .anyRequest().hasAnyRole(up(CASEWORKER), up(DESIGNER)))
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/applications").hasAnyRole(up(APPLICANT), up(CASEWORKER))
                        .requestMatchers(HttpMethod.POST, "/api/applications/import").hasRole(up(CASEWORKER))
                        .requestMatchers(HttpMethod.POST, "/api/applications/*/submissions/*", "/api/applications/*/withdrawal")
                        .hasAnyRole(up(APPLICANT), up(CASEWORKER))
                        .requestMatchers(HttpMethod.GET, "/api/applications/*/timeline")
                        .hasAnyRole(up(CASEWORKER), up(AUDITOR), up(DESIGNER))
                        .requestMatchers(HttpMethod.GET, "/api/audit/**", "/api/audit/replay.csv", "/api/rulesets",
                                "/api/opendata/**")
                        .hasAnyRole(up(AUDITOR), up(DESIGNER))
                        .requestMatchers(HttpMethod.GET, "/api/decisions/*/replay").hasAnyRole(up(AUDITOR), up(DESIGNER))
                        .requestMatchers(HttpMethod.GET, "/api/applications", "/api/applications/**")
                        .hasAnyRole(up(APPLICANT), up(CASEWORKER), up(AUDITOR), up(DESIGNER))
                        .requestMatchers("/api/tasks/**", "/api/tasks", "/api/payments/**").hasRole(up(CASEWORKER))
                        .requestMatchers("/api/designer/**").hasRole(up(DESIGNER))
                        .requestMatchers(HttpMethod.GET, "/api/decisions/**").hasAnyRole(up(CASEWORKER), up(AUDITOR), up(DESIGNER))
                        .requestMatchers(HttpMethod.GET, "/api/rounds", "/api/rounds/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/cba/calculation").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/cba/unit-values").authenticated()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browser(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // Camunda's webapps have their own login against the same users, their own CSRF filter, and
                        // Camunda's authorizations (CamundaAuthorizations) decide who uses which webapp and what.
                        // Diagrams are deployed only through grantline, which validates the whole design first.
                        .requestMatchers(notGet(path("/camunda/api/engine/engine/*/deployment/**"))).denyAll()
                        .requestMatchers(notGet(path("/camunda/api/admin/setup/**"))).denyAll()
                        .requestMatchers(path("/camunda/**"), path("/camunda-welcome/**"), path("/error")).permitAll()
                        // the console's styles and the sign-in page (no data in either)
                        .requestMatchers(path("/webjars/**"), path("/console-assets/**"), path("/assets/**"), path("/login"))
                        .permitAll()
                        .requestMatchers(path("/console/decisions/**"), path("/console/audit/**"))
                        .hasAnyRole(up(AUDITOR), up(DESIGNER))
                        .requestMatchers(path("/console/rules/**")).hasRole(up(DESIGNER))
                        .requestMatchers(path("/"), path("/console"), path("/console/**"))
                        .hasAnyRole(up(CASEWORKER), up(AUDITOR), up(DESIGNER))
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.ignoringRequestMatchers(path("/camunda/**")))
                .build();
    }

    /** Camunda's REST API and webapps are servlets of their own: match request paths, not Spring MVC mappings. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher[] identityAndDeploymentWrites(String prefix) {
        return java.util.stream.Stream.of("user", "group", "authorization", "tenant", "deployment")
                .map(resource -> notGet(path(prefix + "/" + resource + "/**")))
                .toArray(RequestMatcher[]::new);
    }

    private static RequestMatcher notGet(RequestMatcher matcher) {
        return request -> !HttpMethod.GET.matches(request.getMethod()) && matcher.matches(request);
    }

    private static String up(String group) {
        return group.toUpperCase(java.util.Locale.ROOT);
    }
}
