package dev.chainrule.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import dev.chainrule.access.Caller;
import dev.chainrule.access.KeyAuthenticator;
import dev.chainrule.access.RequestRateLimiter;
import dev.chainrule.access.SecurityProperties;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.ObjectMapper;

/**
 * Who may call what: probes, the OpenAPI document, Swagger UI and the page's static files are
 * public (the page asks for a key before it calls the API); tenants, keys and the actuator (metrics,
 * Prometheus, info, health details) need an admin key; everything else a key of either role. No sessions, no cookies (so no CSRF tokens); Spring Security's default headers.
 * See docs/security.md.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String[] PUBLIC = { "/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/v2/health/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/error", "/", "/index.html", "/style.css", "/favicon.svg",
            "/js/**" };
    private static final String[] ADMIN = { "/actuator/**", "/api/v1/tenants", "/api/v1/tenants/**",
            "/api/v1/keys/**" };

    @Bean
    SecurityProblems securityProblems(ObjectMapper json) {
        return new SecurityProblems(new ProblemWriter(json));
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(SecurityProblems problems) {
        return problems.rejectedUrl();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
                                            KeyAuthenticator authenticator, SecurityProblems problems,
                                            ObjectProvider<RequestRateLimiter> limiter, ObjectMapper json) {
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems.missingKey())
                        .accessDeniedHandler(problems.forbidden()));
        cors(http, properties.allowedOrigins());
        if (!properties.on()) {
            http.addFilterBefore((request, response, chain) -> {
                ApiKeyFilter.authenticate(Caller.UNSECURED);
                chain.doFilter(request, response);
            }, AnonymousAuthenticationFilter.class);
            http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
            return http.build();
        }
        http.addFilterBefore(new ApiKeyFilter(authenticator, problems), AnonymousAuthenticationFilter.class);
        // A controller slice has no tenants to read quotas from, so no limiter either.
        limiter.ifAvailable(rates -> http.addFilterAfter(new RateLimitFilter(rates, new ProblemWriter(json)),
                ApiKeyFilter.class));
        http.authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(ADMIN).hasRole("ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    private static void cors(HttpSecurity http, List<String> allowedOrigins) {
        if (allowedOrigins.isEmpty()) {
            http.cors(AbstractHttpConfigurer::disable);
            return;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
        cors.setExposedHeaders(List.of("Location", "Retry-After"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        http.cors(config -> config.configurationSource(source));
    }
}
