package dev.attache.ingest.support;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.event.GroupMembership;
import dev.attache.schemas.kafka.AttachmentKeys;
import dev.attache.schemas.kafka.CalendarEventSerde;
import dev.attache.schemas.kafka.JsonSerde;
import dev.attache.schemas.kafka.Topics;

/** Events for attachments to live in: created through the Graph endpoint, or published as a system of record does. */
public final class Events {

    private Events() {
    }

    /** Creates an event with {@code POST collectionPath} (e.g. {@code /v1.0/me/events}) and answers its id. */
    public static String create(String token, String collectionPath) {
        return given().urlEncodingEnabled(false).auth().oauth2(token).contentType("application/json")
                .body("{\"subject\":\"Planning\",\"start\":{\"dateTime\":\"2026-12-01T10:00:00\",\"timeZone\":\"UTC\"},"
                        + "\"end\":{\"dateTime\":\"2026-12-01T11:00:00\",\"timeZone\":\"UTC\"}}")
                .post(collectionPath)
                .then().statusCode(201)
                .extract().path("id");
    }

    /**
     * Waits (bounded) until {@code GET eventPath} answers 200 for {@code token}: records published straight to the
     * registry topics reach the processor's stores asynchronously, so a test must not race them.
     */
    public static void awaitReadable(String token, String eventPath) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (given().urlEncodingEnabled(false).auth().oauth2(token).get(eventPath).statusCode() != 200) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(eventPath + " did not become readable");
            }
            try {
                Thread.sleep(50); // polling the condition itself, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An id as it goes into a path segment. */
    public static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Publishes an event of user {@code ownerOid} to the registry topic, as the calendar system of record does. */
    public static CalendarEvent publish(String tenant, String eventId, String ownerOid, String ownerUpn) {
        String now = Instant.now().toString().substring(0, 19) + "Z";
        CalendarEvent event = new CalendarEvent(CalendarEvent.SCHEMA_VERSION, tenant, eventId,
                new EventOwner(EventOwner.USER, ownerOid, ownerUpn), null, null, "From the system of record", null,
                null, null, null, null, now, now);
        send(Topics.CALENDAR_EVENTS, AttachmentKeys.eventKey(tenant, eventId), event, new CalendarEventSerde());
        return event;
    }

    /** Shares {@code ownerOid}'s default calendar with {@code granteeOid}. */
    public static void share(String tenant, String ownerOid, String granteeOid, String role) {
        send(Topics.CALENDAR_SHARES, AttachmentKeys.shareKey(tenant, ownerOid, null, granteeOid),
                new CalendarShare(CalendarShare.SCHEMA_VERSION, tenant, ownerOid, null, granteeOid, role),
                new JsonSerde<>(CalendarShare.class));
    }

    /** Records {@code memberOid} as a member of {@code groupId}. */
    public static void member(String tenant, String groupId, String memberOid) {
        send(Topics.GROUP_MEMBERSHIPS, AttachmentKeys.membershipKey(tenant, groupId, memberOid),
                new GroupMembership(GroupMembership.SCHEMA_VERSION, tenant, groupId, memberOid),
                new JsonSerde<>(GroupMembership.class));
    }

    /** Names {@code oid} {@code upn} in the directory, as the directory's system of record does. */
    public static void name(String tenant, String upn, String oid) {
        send(Topics.USER_DIRECTORY, AttachmentKeys.directoryKey(tenant, upn),
                new DirectoryEntry(DirectoryEntry.SCHEMA_VERSION, tenant, upn, oid),
                new JsonSerde<>(DirectoryEntry.class));
    }

    /**
     * Names {@code oid} {@code upn} and waits (bounded) until the processor resolves the name: an event created
     * through the object id becomes readable through the name, for an app of the tenant.
     */
    public static void nameAndAwait(String tenant, String upn, String oid) {
        name(tenant, upn, oid);
        String app = Tokens.app(tenant);
        String probe = create(app, "/v1.0/users/" + encoded(oid) + "/events");
        awaitReadable(app, "/v1.0/users/" + encoded(upn) + "/events/" + encoded(probe));
    }

    private static <T> void send(String topic, String key, T value, JsonSerde<T> serde) {
        Properties config = StackConfig.adminClient();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(config, new StringSerializer(), serde)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }
}
