package dev.chainrule.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.http.HttpServletResponse;

/** The security layer's refusals as problems: 401 with {@code WWW-Authenticate: Bearer}, 403, and 400 for a rejected URL. */
final class SecurityProblems {

    private final ProblemWriter writer;

    SecurityProblems(ProblemWriter writer) {
        this.writer = writer;
    }

    void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"chainrule\"");
        writer.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", detail);
    }

    AuthenticationEntryPoint missingKey() {
        return (request, response, refusal) -> unauthorized(response,
                "This call needs an API key: send the header 'Authorization: Bearer <key>'.");
    }

    AccessDeniedHandler forbidden() {
        return (request, response, refusal) -> writer.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "This call needs an admin key.");
    }

    /** Spring Security's firewall refuses URLs with encoded slashes, NULs, '..' and the like. */
    RequestRejectedHandler rejectedUrl() {
        return (request, response, refusal) -> writer.write(response, HttpStatus.BAD_REQUEST, "rejected-url",
                "The request URL is not accepted: it contains an encoded slash, a NUL, a '..' segment or another "
                        + "sequence this service refuses.");
    }
}
