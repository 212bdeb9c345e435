package dev.attache.ingest.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** Renders items through the public API and parses the result back with the library that wrote it. */
final class Rendered {

    static final String LAST_MODIFIED = "2016-12-01T22:27:13Z";
    static final ItemContentRenderer RENDERER = new ItemContentRenderer();

    private Rendered() {
    }

    static ItemContent render(String json) {
        return RENDERER.render(json.getBytes(StandardCharsets.UTF_8), LAST_MODIFIED);
    }

    static String text(ItemContent content) {
        return new String(content.bytes(), StandardCharsets.UTF_8);
    }

    static Calendar calendar(ItemContent content) {
        try {
            return new CalendarBuilder().build(new ByteArrayInputStream(content.bytes()));
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j cannot read back:\n" + text(content), e);
        }
    }

    static VEvent event(ItemContent content) {
        return calendar(content).<VEvent>getComponent("VEVENT")
                .orElseThrow(() -> new AssertionError("no VEVENT in\n" + text(content)));
    }

    static VCard vcard(ItemContent content) {
        VCard vcard = Ezvcard.parse(text(content)).first();
        if (vcard == null) {
            throw new AssertionError("ez-vcard cannot read back:\n" + text(content));
        }
        return vcard;
    }

    static MimeMessage mime(ItemContent content) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(content.bytes()));
        } catch (MessagingException e) {
            throw new AssertionError("Jakarta Mail cannot read back:\n" + text(content), e);
        }
    }
}
