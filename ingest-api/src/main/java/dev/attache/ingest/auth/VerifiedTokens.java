package dev.attache.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Callers of tokens that were verified in full, so a client's next request with the same token skips the signature
 * check and the claims parsing (the largest per-request cost of a small upload). Only accepted tokens are kept, each
 * no longer than its own {@code exp} and never longer than {@code attache.ingest.token-cache-ttl}; the key is the
 * SHA-256 of the token, so the cache holds no usable token.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(Caller caller, Instant expires) {
    }

    private final Cache<String, Entry> cache;

    VerifiedTokens(@ConfigProperty(name = "attache.ingest.token-cache-size") long size,
            @ConfigProperty(name = "attache.ingest.token-cache-ttl") Duration ttl) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        Duration left = Duration.between(Instant.now(), entry.expires());
                        return (left.compareTo(ttl) < 0 ? left : ttl).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** The caller of a token accepted before and not expired since. */
    public Optional<Caller> caller(String token) {
        Entry entry = cache.getIfPresent(key(token));
        return entry == null || !Instant.now().isBefore(entry.expires())
                ? Optional.empty() : Optional.of(entry.caller());
    }

    /** Remembers an accepted token until {@code expires} (its {@code exp}). */
    public void accepted(String token, Caller caller, Instant expires) {
        if (Instant.now().isBefore(expires)) {
            cache.put(key(token), new Entry(caller, expires));
        }
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
