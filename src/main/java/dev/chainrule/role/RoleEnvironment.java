package dev.chainrule.role;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies {@code chainrule.role} before any bean reads its configuration: an API instance gets
 * {@code chainrule.runner.enabled=false} whatever else says so, and a worker whose runner was
 * switched off is refused at startup, since it would do nothing at all. Runs after the
 * application's own configuration files have been read.
 */
public class RoleEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String RUNNER_ENABLED = "chainrule.runner.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Role role = Role.fromProperty(environment.getProperty(Role.PROPERTY));
        if (role == Role.API) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("chainrule-role", Map.of(RUNNER_ENABLED, "false")));
        } else if (role == Role.WORKER && "false".equalsIgnoreCase(environment.getProperty(RUNNER_ENABLED, "true").trim())) {
            throw new IllegalArgumentException(Role.PROPERTY + "=worker needs the job runner, but " + RUNNER_ENABLED
                    + " is false: remove that setting, or use " + Role.PROPERTY + "=api for an instance that does not train");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
