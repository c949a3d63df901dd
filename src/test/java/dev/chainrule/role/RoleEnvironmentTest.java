package dev.chainrule.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RoleEnvironmentTest {

    private static StandardEnvironment environment(String... pairs) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        new RoleEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void anApiInstanceNeverRunsTheRunnerEvenWhenItIsSwitchedOn() {
        assertThat(environment("chainrule.role", "api").getProperty("chainrule.runner.enabled")).isEqualTo("false");
        assertThat(environment("chainrule.role", "API", "chainrule.runner.enabled", "true")
                .getProperty("chainrule.runner.enabled")).isEqualTo("false");
    }

    @Test
    void theDefaultAndTheWorkerRoleLeaveTheRunnerAsConfigured() {
        assertThat(environment().getProperty("chainrule.runner.enabled")).isNull();
        assertThat(environment("chainrule.role", "all", "chainrule.runner.enabled", "false")
                .getProperty("chainrule.runner.enabled")).isEqualTo("false");
        assertThat(environment("chainrule.role", "worker").getProperty("chainrule.runner.enabled")).isNull();
    }

    @Test
    void aWorkerWithoutItsRunnerIsRefusedAtStartup() {
        assertThatThrownBy(() -> environment("chainrule.role", "worker", "chainrule.runner.enabled", "false"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chainrule.role=worker").hasMessageContaining("chainrule.runner.enabled");
    }

    @Test
    void anUnknownRoleIsRefusedNamingThePropertyAndTheChoices() {
        assertThatThrownBy(() -> environment("chainrule.role", "trainer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chainrule.role must be one of all, api, worker, got 'trainer'");
    }
}
