package dev.attache.ingest.content;

import static dev.attache.ingest.content.GraphJson.mailbox;
import static dev.attache.ingest.content.GraphJson.recipients;
import static dev.attache.ingest.content.GraphJson.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;

import com.fasterxml.jackson.databind.JsonNode;

import dev.attache.ingest.content.GraphJson.Mailbox;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A {@code message} as an Internet message (RFC 5322, MIME), built with Jakarta Mail on a session without
 * properties (nothing is sent; no transport is touched).
 *
 * <table>
 * <caption>Graph message → MIME</caption>
 * <tr><td>{@code subject}</td><td>Subject (RFC 2047-encoded when not ASCII; line breaks become spaces, so a
 *     subject cannot add headers)</td></tr>
 * <tr><td>{@code from}, {@code sender}, {@code replyTo[]}</td><td>From, Sender, Reply-To</td></tr>
 * <tr><td>{@code toRecipients[]}, {@code ccRecipients[]}, {@code bccRecipients[]}</td><td>To, Cc, Bcc</td></tr>
 * <tr><td>{@code sentDateTime}, else the attachment's {@code lastModifiedDateTime}</td>
 *     <td>Date, in UTC (not the JVM's zone, so the bytes do not depend on the host)</td></tr>
 * <tr><td>{@code internetMessageId}</td><td>Message-ID; none without it (Jakarta Mail would otherwise invent one
 *     from the host name and a counter)</td></tr>
 * <tr><td>{@code body}: html / text</td><td>a single {@code text/html} or {@code text/plain} part,
 *     {@code charset=utf-8}, line breaks as CRLF</td></tr>
 * </table>
 *
 * <p>Not rendered: the message's own attachments, {@code internetMessageHeaders}, {@code importance}, flags.
 */
final class MessageToMime {

    /** No properties: no host, no transport, no debug; a session only gives MimeMessage its defaults. */
    private static final Session SESSION = Session.getInstance(new Properties());

    private MessageToMime() {
    }

    static byte[] render(JsonNode message, Instant lastModified) {
        try {
            MimeMessage mime = new StableMimeMessage(SESSION, text(message, "internetMessageId")
                    .map(String::trim).map(MessageToMime::angleBracketed).orElse(null));
            Instant date = text(message, "sentDateTime").flatMap(GraphJson::instant).orElse(lastModified);
            mime.setHeader("Date", dateHeader(date));
            Optional<Mailbox> from = mailbox(message, "from", "emailAddress");
            if (from.isPresent()) {
                mime.setFrom(address(from.get()));
            }
            Optional<Mailbox> sender = mailbox(message, "sender", "emailAddress");
            if (sender.isPresent()) {
                mime.setSender(address(sender.get()));
            }
            addresses(recipients(message, "replyTo")).ifPresent(replyTo -> {
                try {
                    mime.setReplyTo(replyTo);
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
            setRecipients(mime, RecipientType.TO, recipients(message, "toRecipients"));
            setRecipients(mime, RecipientType.CC, recipients(message, "ccRecipients"));
            setRecipients(mime, RecipientType.BCC, recipients(message, "bccRecipients"));
            Optional<String> subject = text(message, "subject");
            if (subject.isPresent()) {
                mime.setSubject(GraphJson.oneLine(subject.get()), "UTF-8");
            }
            GraphJson.Body body = GraphJson.body(message).orElse(new GraphJson.Body("", false));
            // a DataSource of bytes rather than setText: writing it needs no DataContentHandler from the mailcap
            // (class-path lookups that differ under Quarkus' class loaders)
            byte[] bytes = crlf(GraphJson.lines(body.content())).getBytes(StandardCharsets.UTF_8);
            String type = (body.html() ? "text/html" : "text/plain") + "; charset=utf-8";
            mime.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
            mime.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Jakarta Mail could not write the message", e);
        }
    }

    private static void setRecipients(MimeMessage mime, RecipientType type, List<Mailbox> mailboxes)
            throws MessagingException {
        Optional<Address[]> addresses = addresses(mailboxes);
        if (addresses.isPresent()) {
            mime.setRecipients(type, addresses.get());
        }
    }

    private static Optional<Address[]> addresses(List<Mailbox> mailboxes) {
        return mailboxes.isEmpty() ? Optional.empty()
                : Optional.of(mailboxes.stream().map(MessageToMime::address).toArray(Address[]::new));
    }

    /** The address with its display name, RFC 2047-encoded in UTF-8 when needed. Not validated: as stored. */
    private static InternetAddress address(Mailbox mailbox) {
        try {
            String name = mailbox.name() == null || mailbox.name().isBlank() ? null : mailbox.name();
            return new InternetAddress(mailbox.address(), name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** RFC 5322 date-time in UTC, e.g. {@code Fri, 2 Dec 2016 18:00:00 +0000 (UTC)}. */
    private static String dateHeader(Instant instant) {
        MailDateFormat format = new MailDateFormat(); // not thread-safe: one per use
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(Date.from(instant));
    }

    private static String angleBracketed(String id) {
        return id.startsWith("<") && id.endsWith(">") ? id : "<" + id + ">";
    }

    /** RFC 5322 line breaks, from LF-only text ({@link GraphJson#lines}). */
    private static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    /**
     * A MimeMessage whose Message-ID is the one given (or none). {@link MimeMessage#updateMessageID} would set a new
     * one on every save, built from the local host name (a lookup) and a counter: neither deterministic nor pure.
     */
    private static final class StableMimeMessage extends MimeMessage {

        private final String messageId;

        StableMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                removeHeader("Message-ID");
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
