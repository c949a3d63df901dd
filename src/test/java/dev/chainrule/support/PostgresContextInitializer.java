package dev.chainrule.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the Spring context at the run's PostgreSQL database, ahead of every other property source,
 * exactly as {@code SPRING_DATASOURCE_*} environment variables would in production.
 */
class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = SharedPostgresDatabase.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("chainrule-test-postgres", Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password())));
        SharedPostgresDatabase.usedBy(context);
    }
}
