package dev.chainrule.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.chainrule.access.Caller;
import dev.chainrule.access.KeyAuthenticator;
import dev.chainrule.access.KeyRole;
import dev.chainrule.support.ApiClient;

/** In a controller slice (no database): the test profile's admin key is the one key that exists. */
@TestConfiguration
class SliceKeys {

    static final Caller ADMIN = new Caller(UUID.fromString("00000000-0000-0000-0000-0000000000aa"),
            UUID.fromString("00000000-0000-0000-0000-000000000001"), KeyRole.ADMIN);

    @Bean
    KeyAuthenticator sliceKeys() {
        byte[] admin = ApiClient.ADMIN_KEY.getBytes(StandardCharsets.UTF_8);
        return secret -> MessageDigest.isEqual(admin, secret.getBytes(StandardCharsets.UTF_8))
                ? Optional.of(ADMIN) : Optional.empty();
    }
}
