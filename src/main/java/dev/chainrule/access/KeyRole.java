package dev.chainrule.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a key may do: {@code admin} manages tenants and keys and reads operations data; {@code user} the rest. */
public enum KeyRole {
    ADMIN, USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<KeyRole> fromWire(String text) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(text)).findFirst();
    }
}
