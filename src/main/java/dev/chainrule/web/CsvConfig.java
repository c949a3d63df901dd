package dev.chainrule.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;

/** Answers that are tables can be asked for as CSV; Spring Boot adds converter beans to its own. */
@Configuration(proxyBeanMethods = false)
class CsvConfig {

    @Bean
    HttpMessageConverter<?> csvTables() {
        return new CsvTableConverter();
    }
}
