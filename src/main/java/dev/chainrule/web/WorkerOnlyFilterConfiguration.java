package dev.chainrule.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import dev.chainrule.role.Role;
import tools.jackson.databind.ObjectMapper;

/**
 * The servlet filters ahead of Spring MVC: the worker role's (its HTTP surface shrinks to
 * {@code /actuator}; what each role runs besides is set in {@code dev.chainrule.role.RoleEnvironment})
 * and the JSON size limit of every role.
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

    /** Every role: a JSON body above the limit is refused before it is parsed (or before security reads it). */
    @Bean
    FilterRegistrationBean<JsonSizeLimitFilter> jsonSizeLimitFilter(ObjectMapper json,
            @Value("${chainrule.api.max-json-size:16MB}") DataSize maxJsonSize) {
        FilterRegistrationBean<JsonSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new JsonSizeLimitFilter(maxJsonSize.toBytes(), new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
