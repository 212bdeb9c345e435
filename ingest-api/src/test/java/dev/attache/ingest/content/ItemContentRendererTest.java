package dev.attache.ingest.content;

import static dev.attache.ingest.content.Rendered.RENDERER;
import static dev.attache.ingest.content.Rendered.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.fortuna.ical4j.util.Configurator;

class ItemContentRendererTest {

    @ParameterizedTest
    @CsvSource({
            "#microsoft.graph.event,    EVENT,   text/calendar; charset=utf-8",
            "microsoft.graph.event,     EVENT,   text/calendar; charset=utf-8",
            "#Microsoft.Graph.Event,    EVENT,   text/calendar; charset=utf-8",
            "#microsoft.graph.contact,  CONTACT, text/vcard; charset=utf-8",
            "MICROSOFT.GRAPH.CONTACT,   CONTACT, text/vcard; charset=utf-8",
            "#microsoft.graph.message,  MESSAGE, message/rfc822",
            "microsoft.graph.Message,   MESSAGE, message/rfc822",
    })
    void theItemsOwnTypeChoosesTheFormat(String odataType, ItemKind kind, String contentType) {
        String item = "{\"@odata.type\": \"" + odataType + "\"}";

        assertThat(RENDERER.kind(item.getBytes(StandardCharsets.UTF_8))).isEqualTo(kind);
        assertThat(render(item).contentType()).isEqualTo(contentType).isEqualTo(kind.contentType());
    }

    @Test
    void theTypeMemberNameIsReadInAnyCase() {
        assertThat(render("{\"@OData.Type\": \"#microsoft.graph.contact\"}").contentType())
                .isEqualTo("text/vcard; charset=utf-8");
    }

    @Test
    void canonicalTypes() {
        assertThat(ItemKind.EVENT.odataType()).isEqualTo("#microsoft.graph.event");
        assertThat(ItemKind.MESSAGE.odataType()).isEqualTo("#microsoft.graph.message");
        assertThat(ItemKind.CONTACT.odataType()).isEqualTo("#microsoft.graph.contact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"@odata.type\": null}", "{\"@odata.type\": \"\"}", "{\"@odata.type\": 7}",
            "{\"subject\": \"an event without its type\"}"})
    void anItemWithoutTypeIsUnrenderable(String item) {
        assertThatThrownBy(() -> render(item)).isInstanceOf(UnrenderableItemException.class)
                .hasMessageContaining("\"#microsoft.graph.event\", \"#microsoft.graph.message\" or "
                        + "\"#microsoft.graph.contact\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#microsoft.graph.post", "#microsoft.graph.fileAttachment", "#microsoft.graph.outlookItem",
            "#microsoft.graph.eventMessage", "event", "#event", "#microsoft.graph.", "microsoft.graphevent"})
    void anItemOfAnotherTypeIsUnrenderable(String odataType) {
        assertThatThrownBy(() -> render("{\"@odata.type\": \"" + odataType + "\"}"))
                .isInstanceOf(UnrenderableItemException.class)
                .hasMessageContaining("'" + odataType + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[{\"@odata.type\": \"#microsoft.graph.event\"}]", "\"text\"", "null",
            "{\"@odata.type\": \"#microsoft.graph.event\"", "{\"@odata.type\": \"#microsoft.graph.event\"} {}"})
    void somethingThatIsNotAJsonObjectIsUnrenderable(String stored) {
        assertThatThrownBy(() -> render(stored)).isInstanceOf(UnrenderableItemException.class);
    }

    @Test
    void theLastModifiedDateTimeMustBeADateTime() {
        byte[] item = "{\"@odata.type\": \"#microsoft.graph.event\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RENDERER.render(item, "yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> RENDERER.render(item, (String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RENDERER.render(item, (Instant) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RENDERER.render(null, Instant.EPOCH)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void renderingIsThreadSafeAndDeterministic() throws Exception {
        List<String> items = List.of(EventToICalendarTest.DOCS_EVENT, ContactToVCardTest.FULL_CONTACT,
                MessageToMimeTest.DOCS_MESSAGE);
        List<byte[]> expected = items.stream().map(item -> render(item).bytes()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String item = items.get(i % items.size());
                results.add(pool.submit(() -> new ItemContentRenderer().render(item.getBytes(StandardCharsets.UTF_8),
                        Rendered.LAST_MODIFIED).bytes()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % items.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * ical4j can fetch newer VTIMEZONE definitions from their TZURL (tzurl.org) when
     * {@code net.fortuna.ical4j.timezone.update.enabled} is true; 4.1.1 defaults to false and nothing here sets it.
     * Any URL connection would consult the default ProxySelector, so a selector that records calls catches one.
     */
    @Test
    void renderingTouchesNoNetwork() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled").orElse("false"))
                .isEqualTo("false");
        List<URI> connections = new ArrayList<>();
        ProxySelector original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                connections.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
        try {
            // zones no other test loads, so ical4j reads their definitions now
            render("""
                    {"@odata.type": "#microsoft.graph.event",
                     "start": {"dateTime": "2016-12-02T18:00:00", "timeZone": "Line Islands Standard Time"},
                     "end": {"dateTime": "2016-12-02T19:00:00", "timeZone": "Chatham Islands Standard Time"}}""");
            render(MessageToMimeTest.DOCS_MESSAGE);
            render(ContactToVCardTest.FULL_CONTACT);
        } finally {
            ProxySelector.setDefault(original);
        }
        assertThat(connections).isEmpty();
    }
}
