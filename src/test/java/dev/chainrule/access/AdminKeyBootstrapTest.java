package dev.chainrule.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the default tenant's admin key comes from at start. */
class AdminKeyBootstrapTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartWritesAnOwnerOnlyKeyFileAndLaterStartsReuseIt() throws Exception {
        ApiKeys keys = mock(ApiKeys.class);
        new AdminKeyBootstrap(keys, new SecurityProperties(true, null, List.of()), dataDir).afterSingletonsInstantiated();

        Path file = dataDir.resolve("admin.key");
        String secret = Files.readString(file).strip();
        assertThat(secret).startsWith("cr_").hasSize(3 + 43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        verify(keys).ensureAdminKey(eq(secret), anyString());

        ApiKeys later = mock(ApiKeys.class);
        new AdminKeyBootstrap(later, new SecurityProperties(true, null, List.of()), dataDir).afterSingletonsInstantiated();
        verify(later).ensureAdminKey(eq(secret), anyString());
        assertThat(Files.readString(file).strip()).isEqualTo(secret);
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() {
        ApiKeys keys = mock(ApiKeys.class);
        new AdminKeyBootstrap(keys, new SecurityProperties(true, "my-own-admin-key", List.of()), dataDir)
                .afterSingletonsInstantiated();
        verify(keys).ensureAdminKey(eq("my-own-admin-key"), anyString());
        assertThat(dataDir.resolve("admin.key")).doesNotExist();
    }

    @Test
    void withSecurityOffNoKeyIsMade() {
        ApiKeys keys = mock(ApiKeys.class);
        new AdminKeyBootstrap(keys, new SecurityProperties(false, null, List.of()), dataDir).afterSingletonsInstantiated();
        verify(keys, never()).ensureAdminKey(anyString(), anyString());
        assertThat(dataDir.resolve("admin.key")).doesNotExist();
    }
}
