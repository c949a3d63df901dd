package dev.chainrule.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How request bodies are read, beyond Spring Boot's defaults. */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    @Bean
    JsonMapperBuilderCustomizer declaredStrictness() {
        return builder -> builder.addHandler(new DeclaredStrictness());
    }
}
