/**
 * The raw content of item attachments, as Graph serves it on {@code GET …/attachments/{id}/$value}: the stored item
 * JSON (an {@code event}, {@code message} or {@code contact} in Graph's shape) turned into iCalendar, RFC 822 MIME
 * or vCard with ical4j, Jakarta Mail and ez-vcard.
 *
 * <p>Pure functions: no Quarkus, no HTTP, no S3, no network. {@link dev.attache.ingest.content.ItemContentRenderer}
 * is the entry point; the output depends only on the item bytes and the attachment's {@code lastModifiedDateTime}
 * (same input, same bytes).
 */
package dev.attache.ingest.content;
