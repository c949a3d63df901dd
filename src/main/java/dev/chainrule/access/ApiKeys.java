package dev.chainrule.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.NotFoundException;

/**
 * API keys: checked against the database on every request (no cache), so a revocation holds from
 * the next request on, on every instance that shares the database.
 */
@Service
public class ApiKeys implements KeyAuthenticator {

    /** {@code lastUsedAt} is at most this stale: one write a minute per key, not one per request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, TenantRepository tenants) {
        this.keys = keys;
        this.tenants = tenants;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional
    public Optional<Caller> authenticate(String secret) {
        Instant now = clock.instant();
        for (ApiKey key : keys.findByPrefix(KeySecrets.prefixOf(secret))) {
            if (KeySecrets.matches(secret, key.secretHash())) {
                if (!key.usableAt(now)) {
                    return Optional.empty();
                }
                keys.touch(key.id(), now, now.minus(TOUCH_INTERVAL));
                return Optional.of(key.caller());
            }
        }
        return Optional.empty();
    }

    @Transactional
    public CreatedKey create(Caller caller, UUID tenantId, KeyRequest request) {
        requireManaged(caller, tenantId);
        String name = request.name() == null ? "" : request.name().strip();
        Optional<KeyRole> role = KeyRole.fromWire(request.role());
        List<Fault> faults = new java.util.ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            faults.add(Fault.atPointer("/name", "name is required, 1 to 100 characters"));
        }
        if (role.isEmpty()) {
            faults.add(Fault.atPointer("/role", "role must be 'admin' or 'user'"));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            faults.add(Fault.atPointer("/expiresAt", "expiresAt must be in the future"));
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException("invalid-key", "Invalid key", "The key request has invalid fields.", faults);
        }
        String secret = KeySecrets.generate();
        ApiKey key = keys.save(new ApiKey(tenantId, name, role.get(), secret, clock.instant(), request.expiresAt()));
        return new CreatedKey(key.id(), name, secret, KeySecrets.prefixOf(secret), role.get().wireName(),
                request.expiresAt());
    }

    @Transactional(readOnly = true)
    public List<KeyView> list(Caller caller, UUID tenantId) {
        requireManaged(caller, tenantId);
        return keys.findByTenantIdOrderByCreatedAt(tenantId).stream().map(ApiKey::view).toList();
    }

    @Transactional
    public KeyView revoke(Caller caller, UUID keyId) {
        ApiKey key = keys.findById(keyId).filter(found -> caller.manages(found.tenantId()))
                .orElseThrow(() -> new NotFoundException("Key", keyId));
        key.revoke(clock.instant());
        return key.view();
    }

    /** Stores {@code secret} as an admin key of the default tenant unless it is stored already. */
    @Transactional
    public boolean ensureAdminKey(String secret, String name) {
        if (keys.existsBySecretHash(KeySecrets.hash(secret))) {
            return false;
        }
        keys.saveAndFlush(new ApiKey(Tenant.DEFAULT, name, KeyRole.ADMIN, secret, clock.instant(), null));
        return true;
    }

    private void requireManaged(Caller caller, UUID tenantId) {
        if (!caller.manages(tenantId) || !tenants.existsById(tenantId)) {
            throw new NotFoundException("Tenant", tenantId);
        }
    }
}
