package dev.chainrule.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.chainrule.access.Caller;
import dev.chainrule.access.RequestRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts every request made with a key against its tenant's {@code requestsPerMinute}; above it, a
 * 429 problem with {@code Retry-After} in whole seconds. Requests without a key (probes, the
 * OpenAPI document) are not counted.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RequestRateLimiter limiter;
    private final ProblemWriter writer;

    RateLimitFilter(RequestRateLimiter limiter, ProblemWriter writer) {
        this.limiter = limiter;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            Optional<Duration> wait = limiter.refusal(caller.tenantId());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                writer.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        "The tenant's quota requestsPerMinute is used up; try again in " + seconds + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
