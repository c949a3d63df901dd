package dev.chainrule.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemHandler.TYPE_PREFIX + "not-found");
        problem.put("title", "Not Found");
        problem.put("status", HttpStatus.NOT_FOUND.value());
        problem.put("detail", "This instance is a worker (" + Role.PROPERTY + "=worker): it trains jobs and serves "
                + "only health and metrics under " + ACTUATOR + ". Send API calls to an API instance.");
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
