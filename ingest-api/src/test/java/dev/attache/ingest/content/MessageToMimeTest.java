package dev.attache.ingest.content;

import static dev.attache.ingest.content.Rendered.mime;
import static dev.attache.ingest.content.Rendered.render;
import static dev.attache.ingest.content.Rendered.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class MessageToMimeTest {

    /** The message of the Graph docs ("Create message", v1.0), with sender, copies, date and id as Graph has them. */
    static final String DOCS_MESSAGE = """
            {
              "@odata.type": "#microsoft.graph.message",
              "subject": "Did you see last night's game?",
              "importance": "Low",
              "body": { "contentType": "HTML", "content": "They were <b>awesome</b>!" },
              "from": { "emailAddress": { "name": "Megan Bowen", "address": "MeganB@contoso.com" } },
              "toRecipients": [ { "emailAddress": { "address": "AdeleV@contoso.com" } } ],
              "ccRecipients": [ { "emailAddress": { "name": "Alex Wilber", "address": "AlexW@contoso.com" } },
                                { "emailAddress": { "name": "Lee Gu", "address": "LeeG@contoso.com" } } ],
              "bccRecipients": [ { "emailAddress": { "address": "DiegoS@contoso.com" } } ],
              "sentDateTime": "2016-10-19T10:37:00Z",
              "internetMessageId": "<BY2PR18MB1456C6F3A1CFF09EA5C3E2B0C9D20@BY2PR18MB1456.namprd18.prod.outlook.com>"
            }
            """;

    @Test
    void docsExampleBecomesAnInternetMessage() throws Exception {
        ItemContent content = render(DOCS_MESSAGE);

        assertThat(content.contentType()).isEqualTo("message/rfc822");
        MimeMessage mime = mime(content);
        assertThat(mime.getSubject()).isEqualTo("Did you see last night's game?");
        assertThat(mailboxes(mime.getFrom())).containsExactly("Megan Bowen <MeganB@contoso.com>");
        assertThat(mailboxes(mime.getRecipients(RecipientType.TO))).containsExactly("AdeleV@contoso.com");
        assertThat(mailboxes(mime.getRecipients(RecipientType.CC)))
                .containsExactly("Alex Wilber <AlexW@contoso.com>", "Lee Gu <LeeG@contoso.com>");
        assertThat(mailboxes(mime.getRecipients(RecipientType.BCC))).containsExactly("DiegoS@contoso.com");
        assertThat(mime.getSentDate()).isEqualTo(Date.from(Instant.parse("2016-10-19T10:37:00Z")));
        assertThat(mime.getMessageID())
                .isEqualTo("<BY2PR18MB1456C6F3A1CFF09EA5C3E2B0C9D20@BY2PR18MB1456.namprd18.prod.outlook.com>");
        assertThat(mime.getHeader("MIME-Version", null)).isEqualTo("1.0");
        assertThat(mime.getContentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(mime.getContent()).isEqualTo("They were <b>awesome</b>!");
        assertThat(text(content)).startsWith("Date: Wed, 19 Oct 2016 10:37:00 +0000 (UTC)\r\n");
    }

    @Test
    void sameItemGivesTheSameBytes() {
        assertThat(render(DOCS_MESSAGE).bytes()).isEqualTo(render(DOCS_MESSAGE).bytes());
    }

    @Test
    void textBodyIsTextPlainInUtf8WithCrlfLines() throws Exception {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.message", "subject": "Meet for lunch?",
                 "body": {"contentType": "Text", "content": "The new cafeteria is open.\\nCafé at noon: 5 €"}}""");

        MimeMessage mime = mime(content);
        assertThat(mime.getContentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(mime.getContent()).isEqualTo("The new cafeteria is open.\r\nCafé at noon: 5 €");
        // not 7bit any more: Jakarta Mail picks a transfer encoding for the non-ASCII text
        assertThat(mime.getEncoding()).isIn("quoted-printable", "base64");
        assertThat(text(content)).doesNotContainPattern("(?<!\\r)\\n");
    }

    @Test
    void withoutSentDateTimeTheDateIsTheAttachmentsLastModifiedAndThereIsNoMessageId() throws Exception {
        ItemContent content = render("{\"@odata.type\": \"#microsoft.graph.message\"}");

        MimeMessage mime = mime(content);
        assertThat(mime.getSentDate()).isEqualTo(Date.from(Instant.parse(Rendered.LAST_MODIFIED)));
        assertThat(mime.getHeader("Message-ID")).isNull();
        assertThat(mime.getSubject()).isNull();
        assertThat(mime.getFrom()).isNull();
        assertThat(mime.getAllRecipients()).isNull();
        assertThat(mime.getContentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(mime.getContent()).isEqualTo("");
    }

    @Test
    void senderReplyToAndABareMessageId() throws Exception {
        MimeMessage mime = mime(render("""
                {"@odata.type": "#microsoft.graph.message",
                 "sender": {"emailAddress": {"name": "Assistant", "address": "assistant@contoso.com"}},
                 "replyTo": [{"emailAddress": {"address": "team@contoso.com", "name": "Team"}}],
                 "internetMessageId": "1234@contoso.com"}"""));

        assertThat(((InternetAddress) mime.getSender()).getAddress()).isEqualTo("assistant@contoso.com");
        assertThat(mailboxes(mime.getReplyTo())).containsExactly("Team <team@contoso.com>");
        assertThat(mime.getMessageID()).isEqualTo("<1234@contoso.com>");
    }

    @Test
    void nonAsciiSubjectAndNamesAreEncodedAndRoundTrip() throws Exception {
        ItemContent content = render("""
                {"@odata.type": "#microsoft.graph.message", "subject": "Réunion à 10 h 🙂 — 会議",
                 "from": {"emailAddress": {"name": "Zoë Ångström", "address": "zoe@contoso.com"}},
                 "toRecipients": [{"emailAddress": {"name": "Doe, John", "address": "john@contoso.com"}}]}""");

        // headers stay ASCII (RFC 2047)
        assertThat(text(content).substring(0, text(content).indexOf("\r\n\r\n"))).matches("[\\x00-\\x7F]*");
        MimeMessage mime = mime(content);
        assertThat(mime.getSubject()).isEqualTo("Réunion à 10 h 🙂 — 会議");
        InternetAddress from = (InternetAddress) mime.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Zoë Ångström");
        InternetAddress to = (InternetAddress) mime.getRecipients(RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("Doe, John");
        assertThat(to.getAddress()).isEqualTo("john@contoso.com");
    }

    @Test
    void aSubjectCannotAddHeaders() throws Exception {
        MimeMessage mime = mime(render("""
                {"@odata.type": "#microsoft.graph.message", "subject": "Hello\\r\\nBcc: eve@example.com",
                 "from": {"emailAddress": {"name": "Mallory\\r\\nX-Evil: 1", "address": "m@example.com"}}}"""));

        assertThat(mime.getSubject()).isEqualTo("Hello Bcc: eve@example.com");
        assertThat(mime.getRecipients(RecipientType.BCC)).isNull();
        assertThat(mime.getHeader("X-Evil")).isNull();
    }

    @Test
    void recipientsWithoutAddressOrOfTheWrongShapeAreLeftOut() throws Exception {
        MimeMessage mime = mime(render("""
                {"@odata.type": "#microsoft.graph.message",
                 "toRecipients": [{"emailAddress": {"name": "Nobody"}}, {"emailAddress": {"address": "a@b.com"}},
                                  "c@d.com", {"emailAddress": "e@f.com"}],
                 "ccRecipients": {"emailAddress": {"address": "x@y.com"}}, "from": "z@y.com",
                 "sentDateTime": "yesterday", "body": {"contentType": "html", "content": 42}}"""));

        assertThat(mailboxes(mime.getRecipients(RecipientType.TO))).containsExactly("a@b.com");
        assertThat(mime.getRecipients(RecipientType.CC)).isNull();
        assertThat(mime.getFrom()).isNull();
        assertThat(mime.getSentDate()).isEqualTo(Date.from(Instant.parse(Rendered.LAST_MODIFIED)));
        assertThat(mime.getContentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(mime.getContent()).isEqualTo("42");
    }

    private static List<String> mailboxes(Address[] addresses) {
        return Arrays.stream(addresses).map(address -> ((InternetAddress) address).toUnicodeString()).toList();
    }

}
