package dev.chainrule.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How JSON is read, beyond Spring Boot's defaults. */
@Configuration(proxyBeanMethods = false)
class JsonConfig {

    /**
     * Spring Boot skips unknown fields; that would let {@code "momentun": 0.9} train without momentum
     * and say nothing. Every field of every body must be known: an unknown one is a 400 naming its
     * JSON pointer and the known fields ({@link UnreadableBody}). A value that is free-form by design is a
     * map, which takes any key.
     */
    @Bean
    JsonMapperBuilderCustomizer strictFields() {
        return JsonConfig::strict;
    }

    static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
