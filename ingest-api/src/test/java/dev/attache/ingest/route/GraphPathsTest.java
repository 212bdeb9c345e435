package dev.attache.ingest.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.attache.ingest.error.GraphException;

class GraphPathsTest {

    static EventPath event(String path) {
        return GraphPaths.parse(path).orElseThrow().event();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/v1.0/me/events/E1/attachments|v1.0|me||events|||E1",
            "/beta/me/events/E1/attachments|beta|me||events|||E1",
            "/v1.0/users/u%40contoso.com/events/E1/attachments|v1.0|user|u@contoso.com|events|||E1",
            "/v1.0/users/TokenToReplace/events/E1/attachments|v1.0|me||events|||E1",
            "/v1.0/me/calendar/events/E1/attachments|v1.0|me||calendar|||E1",
            "/v1.0/users/U1/calendars/C1/events/E1/attachments|v1.0|user|U1|calendars||C1|E1",
            "/v1.0/me/calendargroup/calendars/C1/events/E1/attachments|v1.0|me||calendargroup||C1|E1",
            "/v1.0/me/calendarGroups/G1/calendars/C1/events/E1/attachments|v1.0|me||calendarGroups|G1|C1|E1",
            "/v1.0/users/U1/calendargroups/G1/calendars/C1/events/E1/attachments|v1.0|user|U1|calendarGroups|G1|C1|E1",
            "/v1.0/groups/GR1/events/E1/attachments|v1.0|group|GR1|events|||E1",
            "/beta/groups/GR1/calendar/events/E1/attachments|beta|group|GR1|calendar|||E1",
            "/V1.0/ME/EVENTS/E1/Attachments|v1.0|me||events|||E1",
            "/v1.0/Users('u%40c.com')/Events('E1')/Attachments|v1.0|user|u@c.com|events|||E1",
            "/beta/me/events('AAMkAGI1AAAt9AHjAAA=')/attachments|beta|me||events|||AAMkAGI1AAAt9AHjAAA=",
            "/v1.0/me/calendarGroups('G1')/calendars('C1')/events('E1')/attachments|v1.0|me||calendarGroups|G1|C1|E1",
    })
    void acceptsEveryRouteShape(String path, String version, String ownerKind, String ownerId, String container,
            String calendarGroupId, String calendarId, String eventId) {
        assertThat(event(path)).isEqualTo(
                new EventPath(version, ownerKind, ownerId, container, calendarGroupId, calendarId, eventId));
        assertThat(GraphPaths.parse(path).orElseThrow().isCollection()).isTrue();
    }

    @Test
    void decodesIdsOnceKeepingPlusAndSlash() {
        assertThat(event("/v1.0/me/events/AAMk%2Bx%2Fy%3D%253D/attachments").eventId()).isEqualTo("AAMk+x/y=%3D");
        assertThat(event("/v1.0/me/events/a+b/attachments").eventId()).isEqualTo("a+b");
        assertThat(event("/v1.0/me/events('it''s')/attachments").eventId()).isEqualTo("it's");
    }

    @Test
    void readsWhatFollowsTheCollection() {
        AttachmentsPath one = GraphPaths.parse("/v1.0/me/events/E1/attachments/A%3D1").orElseThrow();
        AttachmentsPath value = GraphPaths.parse("/v1.0/me/events/E1/attachments('A1')/$value").orElseThrow();
        AttachmentsPath count = GraphPaths.parse("/v1.0/me/events/E1/attachments/$count").orElseThrow();

        assertThat(one.attachmentId()).isEqualTo("A=1");
        assertThat(one.tail()).isEmpty();
        assertThat(value.attachmentId()).isEqualTo("A1");
        assertThat(value.tail()).isEqualTo(List.of("$value"));
        assertThat(count.attachmentId()).isNull();
        assertThat(count.tail()).isEqualTo(List.of("$count"));
    }

    @Test
    void resolvesEventCollectionsAndEvents() {
        assertThat(GraphPaths.resolve("/v1.0/me/events")).contains(
                new EventsCollection(new EventPath("v1.0", "me", null, "events", null, null, null)));
        assertThat(GraphPaths.resolve("/beta/users/U1/calendars('C1')/events")).contains(
                new EventsCollection(new EventPath("beta", "user", "U1", "calendars", null, "C1", null)));
        assertThat(GraphPaths.resolve("/v1.0/groups/G1/calendar/events")).contains(
                new EventsCollection(new EventPath("v1.0", "group", "G1", "calendar", null, null, null)));
        assertThat(GraphPaths.resolve("/v1.0/me/events/E%3D1")).contains(
                new EventItem(new EventPath("v1.0", "me", null, "events", null, null, "E=1")));
        assertThat(GraphPaths.resolve("/v1.0/me/events/E1/attachments")).get().isInstanceOf(AttachmentsPath.class);
        assertThat(GraphPaths.resolve("/v1.0/me/calendars/events")).isEmpty();
        assertThat(GraphPaths.parse("/v1.0/me/events/E1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/", "/v1.0", "/v2.0/me/events/E1/attachments", "/v1.0/me/events/E1", "/v1.0/me/events/E1/photos",
            "/v1.0/me/attachments", "/v1.0/users/events/E1/attachments", "/v1.0/groups/GR1/calendars/C1/events/E1/attachments",
            "/v1.0/me/calendars/events/E1/attachments", "/v1.0/me/calendarGroups/G1/events/E1/attachments",
            "/v1.0/contacts/E1/attachments", "/v1.0/me/messages/M1/attachments", "/v1.0/me/events/attachments",
    })
    void refusesOtherPaths(String path) {
        assertThat(GraphPaths.parse(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1.0/me/events/E%1/attachments", "/v1.0/me/events/E%0A/attachments", "/v1.0/me/events/%20/attachments",
            "/v1.0/me/events/%C3%28/attachments", "/v1.0/me/events('')/attachments",
    })
    void refusesMalformedIds(String path) {
        assertThatThrownBy(() -> GraphPaths.parse(path))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("ErrorInvalidIdMalformed");
                });
    }

    @Test
    void refusesOverlongIds() {
        String id = "A".repeat(GraphPaths.MAX_ID_LENGTH + 1);
        assertThatThrownBy(() -> GraphPaths.parse("/v1.0/me/events/" + id + "/attachments"))
                .isInstanceOf(GraphException.class);
        assertThat(GraphPaths.parse("/v1.0/me/events/" + id.substring(1) + "/attachments")).isPresent();
    }
}
