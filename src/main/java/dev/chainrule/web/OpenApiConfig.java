package dev.chainrule.web;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The published contract. The header is set here; a relative server URL keeps the document the same
 * on every host and port. Every operation needs an API key as a bearer token, except KServe's health
 * probes. What springdoc cannot see from the controllers (the problems each operation can answer,
 * Location headers, which fields may be null) is added by {@link ContractDocument} and
 * {@link NullableProperties}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "apiKey";

    @Bean
    OpenAPI chainruleOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Chainrule API")
                        .version("v1")
                        .description("Upload a dataset, define a neural network, train it by backpropagation in an "
                                + "asynchronous job, follow its loss curve, and ask the trained model for predictions. "
                                + "Errors are RFC 9457 problems (application/problem+json).")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .addServersItem(new Server().url("/").description("this service"))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("cr_…")
                        .description("An API key: Authorization: Bearer <key> (docs/security.md).")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The probes answer without a key: their operations say so with an empty requirement. */
    @Bean
    OpenApiCustomizer publicProbes() {
        return document -> document.getPaths().forEach((path, item) -> {
            if (path.startsWith("/v2/health/")) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        });
    }

    @Bean
    OpenApiCustomizer contractDocument() {
        return new ContractDocument();
    }

    @Bean
    PropertyCustomizer nullableProperties() {
        return new NullableProperties();
    }
}
