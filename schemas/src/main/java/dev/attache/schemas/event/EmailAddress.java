package dev.attache.schemas.event;

/** Graph's {@code emailAddress}. */
public record EmailAddress(String name, String address) {
}
