package dev.attache.schemas.event;

/** Graph's {@code itemBody}: {@code text} or {@code html} content. */
public record ItemBody(String contentType, String content) {
}
