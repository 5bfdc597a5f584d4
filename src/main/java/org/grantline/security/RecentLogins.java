package org.grantline.security;

import org.springframework.security.core.GrantedAuthority;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers a successful login for a short while, so that HTTP Basic (credentials on every request) does not
 * cost two identity-service queries per request. It keeps only a digest of the password salted with a random
 * value of this process; a wrong password is never remembered and never matches. A password or group changed
 * in Camunda's admin takes effect when the remembered login expires.
 */
final class RecentLogins {

    /** More users than this at once is not a workload of this app; the map is then simply emptied. */
    private static final int MAX_USERS = 10_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[16];
    private final Map<String, Login> logins = new ConcurrentHashMap<>();

    RecentLogins(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
    }

    /** The roles of a login remembered for this user with this very password, if it has not expired. */
    Optional<List<GrantedAuthority>> roles(String user, String password) {
        Login login = logins.get(user);
        if (login == null || nanoTime.getAsLong() - login.rememberedAt() > ttlNanos) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(login.digest(), digest(user, password)) ? Optional.of(login.roles())
                : Optional.empty();
    }

    void remember(String user, String password, List<GrantedAuthority> roles) {
        if (ttlNanos <= 0) {
            return;
        }
        if (logins.size() >= MAX_USERS) {
            logins.clear();
        }
        logins.put(user, new Login(digest(user, password), List.copyOf(roles), nanoTime.getAsLong()));
    }

    private byte[] digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Login(byte[] digest, List<GrantedAuthority> roles, long rememberedAt) {
    }
}
