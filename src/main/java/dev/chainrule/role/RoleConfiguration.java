package dev.chainrule.role;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import tools.jackson.databind.ObjectMapper;

/** The worker role's web side; the runner side of every role is set by {@link RoleEnvironment}. */
@Configuration
class RoleConfiguration {

    @Bean
    @ConditionalOnProperty(name = Role.PROPERTY, havingValue = "worker")
    FilterRegistrationBean<WorkerOnlyFilter> workerOnlyFilter(ObjectMapper json) {
        FilterRegistrationBean<WorkerOnlyFilter> registration = new FilterRegistrationBean<>(new WorkerOnlyFilter(json));
        // Ahead of every other filter (a security chain included): a worker has no API to protect.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
