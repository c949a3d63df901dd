package dev.chainrule.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The admin key of the default tenant, at every start: {@code chainrule.security.admin-key}
 * ({@code CHAINRULE_ADMIN_KEY}) when set, else the key in {@code <data-dir>/admin.key}, generated
 * there (mode 0600) on the first start. Logs where the key is, never the key. Runs before the web
 * server opens its port, so the key works from the first request on.
 */
@Component
class AdminKeyBootstrap implements SmartInitializingSingleton {

    static final String FILE_NAME = "admin.key";
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeys keys;
    private final SecurityProperties properties;
    private final Path dataDir;

    AdminKeyBootstrap(ApiKeys keys, SecurityProperties properties, @Value("${chainrule.data-dir}") Path dataDir) {
        this.keys = keys;
        this.properties = properties;
        this.dataDir = dataDir;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.on()) {
            log.warn("Security is OFF (chainrule.security.enabled=false): every caller is an admin of the default "
                    + "tenant. Never run like this where others can reach the service.");
            return;
        }
        if (properties.adminKey() != null) {
            store(properties.adminKey(), "admin (CHAINRULE_ADMIN_KEY)");
            return;
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (Files.exists(file)) {
            store(read(file), "admin (" + FILE_NAME + ")");
            return;
        }
        String secret = KeySecrets.generate();
        write(file, secret);
        store(secret, "admin (" + FILE_NAME + ")");
        log.info("Generated the admin key of the default tenant into {} (readable by this user only)", file);
    }

    private void store(String secret, String name) {
        try {
            keys.ensureAdminKey(secret, name);
        } catch (DataIntegrityViolationException storedByAnotherInstance) {
            // Another instance on the same database stored the same key at the same moment.
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the admin key file " + file, e);
        }
    }

    private static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Set<java.nio.file.attribute.PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            throw new IllegalStateException("The admin key file " + file + " appeared during start: start again");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the admin key file " + file, e);
        }
    }
}
