package dev.chainrule.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chainrule.security.*}: whether keys are required, the bootstrap admin key (else generated
 * into {@code <data-dir>/admin.key}), and the origins allowed to call from a browser (none by default).
 */
@ConfigurationProperties("chainrule.security")
public record SecurityProperties(Boolean enabled, String adminKey, List<String> allowedOrigins) {

    public SecurityProperties {
        enabled = enabled == null || enabled;
        adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey.strip();
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public boolean on() {
        return enabled;
    }
}
