package dev.chainrule.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.chainrule.role.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * A worker serves nothing but {@code /actuator/**} (health for its probes, Prometheus metrics):
 * every other path, the API, its documentation and the web page included, answers the same 404
 * problem as a path that does not exist, before any controller or security filter sees it.
 * Registered by {@link WorkerOnlyFilterConfiguration} in the worker role only.
 */
class WorkerOnlyFilter extends OncePerRequestFilter {

    static final String ACTUATOR = "/actuator";

    private final ObjectMapper json;

    WorkerOnlyFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        new ProblemWriter(json).write(response, HttpStatus.NOT_FOUND, "not-found", "This instance is a worker ("
                + Role.PROPERTY + "=worker): it trains jobs and serves only health and metrics under " + ACTUATOR
                + ". Send API calls to an API instance.");
    }
}
