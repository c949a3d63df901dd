package dev.chainrule.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key secrets: {@code cr_} and 32 random bytes (256 bits) in URL-safe Base64. A secret this random
 * needs no slow password hash: SHA-256 of it cannot be reversed or guessed. The first characters
 * are the visible prefix, stored in clear to find a key by and to tell keys apart in lists.
 */
final class KeySecrets {

    static final String MARK = "cr_";
    private static final int PREFIX_LENGTH = MARK.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String prefixOf(String secret) {
        return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length()));
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    /** Compares in constant time, so response times tell nothing about how much of a hash matched. */
    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(digest(secret), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException always) {
            throw new IllegalStateException("SHA-256 is part of every JDK", always);
        }
    }
}
