package dev.chainrule.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.chainrule.access.Caller;
import dev.chainrule.access.KeyAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads {@code Authorization: Bearer <key>} and makes its key's {@link Caller} the principal. A
 * request without the header goes on unauthenticated (the authorization rules then answer 401 where
 * a key is needed); a header with an unknown, revoked or expired key is refused here at once.
 * The key itself is never logged.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final KeyAuthenticator authenticator;
    private final SecurityProblems problems;

    ApiKeyFilter(KeyAuthenticator authenticator, SecurityProblems problems) {
        this.authenticator = authenticator;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            problems.unauthorized(response, "The Authorization header must read 'Bearer <key>'.");
            return;
        }
        String secret = header.substring(BEARER.length()).strip();
        Optional<Caller> caller = secret.isEmpty() ? Optional.empty() : authenticator.authenticate(secret);
        if (caller.isEmpty()) {
            problems.unauthorized(response, "The API key is not valid: it is unknown, revoked or expired.");
            return;
        }
        authenticate(caller.get());
        chain.doFilter(request, response);
    }

    /** Admins hold both roles: every call a user key may make, an admin key may make too. */
    static void authenticate(Caller caller) {
        List<SimpleGrantedAuthority> roles = caller.isAdmin()
                ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_USER"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, roles));
        SecurityContextHolder.setContext(context);
    }
}
