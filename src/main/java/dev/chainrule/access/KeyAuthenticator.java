package dev.chainrule.access;

import java.util.Optional;

/** Finds the caller a presented key secret belongs to: empty when unknown, revoked or expired. */
public interface KeyAuthenticator {

    Optional<Caller> authenticate(String secret);
}
