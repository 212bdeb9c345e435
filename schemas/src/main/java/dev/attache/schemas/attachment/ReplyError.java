package dev.attache.schemas.attachment;

/** Why the processor refused a command, already in Graph terms: HTTP status, error code and message. */
public record ReplyError(int status, String code, String message) {
}
