package dev.chainrule.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.chainrule.role.Role;
import tools.jackson.databind.ObjectMapper;

/**
 * The worker role's web side: its HTTP surface shrinks to {@code /actuator}. What each role runs
 * besides is set in {@code dev.chainrule.role.RoleEnvironment}.
 */
@Configuration
class WorkerOnlyFilterConfiguration {

    @Bean
    @ConditionalOnProperty(name = Role.PROPERTY, havingValue = "worker")
    FilterRegistrationBean<WorkerOnlyFilter> workerOnlyFilter(ObjectMapper json) {
        FilterRegistrationBean<WorkerOnlyFilter> registration = new FilterRegistrationBean<>(new WorkerOnlyFilter(json));
        // Ahead of every other filter (a security chain included): a worker has no API to protect.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
