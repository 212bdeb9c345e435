package dev.attache.ingest.support;

/** A new user of a new tenant, with an event of its own created through the Graph endpoint. */
public record UserWithEvent(String tenant, String token, String event) {

    public static UserWithEvent create() {
        String tenant = Tokens.newTenant();
        String token = Tokens.user(tenant);
        return new UserWithEvent(tenant, token, Events.create(token, "/v1.0/me/events"));
    }

    /** {@code /me/events/{E}/attachments}, relative to a version (as a batch item's URL is). */
    public String attachments() {
        return "/me/events/" + Events.encoded(event) + "/attachments";
    }

    /** {@code /{version}/me/events/{E}/attachments}. */
    public String attachments(String version) {
        return "/" + version + attachments();
    }
}
