package dev.attache.processor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.Idempotency;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.attachment.ReplyError;
import dev.attache.schemas.attachment.Route;
import dev.attache.schemas.event.CalendarEvent;
import dev.attache.schemas.event.DateTimeTimeZone;
import dev.attache.schemas.event.EventInput;
import dev.attache.schemas.event.EventOwner;

/** Commands as ingest-api writes them, with one property changed at a time. */
public final class Commands {

    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String EVENT = "AAMkAGI1AAAt9AHjAAA=";
    public static final String USER = "5f1d0c5e-0000-4000-8000-000000000001";
    public static final String UPN = "dev@attache.local";
    public static final String OTHER_TENANT = "0b6a5f5e-6f6b-4c1a-9e1d-3a8a9a2a0c11";
    /** Another user of the tenant. */
    public static final String OTHER_USER = "5f1d0c5e-0000-4000-8000-000000000002";
    public static final String OTHER_UPN = "adele@attache.local";
    public static final String GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    /** The signed-in user with the permission every attachment route needs. */
    public static final Principal ME = new Principal(Principal.DELEGATED, USER, UPN, List.of("Calendars.ReadWrite"),
            List.of());
    /** An app-only token with the role. */
    public static final Principal APP = new Principal(Principal.APP, "a7c0ffee-0000-4000-8000-00000000a990", null,
            List.of("Calendars.ReadWrite"), null);
    /** The signed-in user, also allowed on calendars shared with them. */
    public static final Principal SHARED_WRITER = new Principal(Principal.DELEGATED, USER, UPN,
            List.of("Calendars.ReadWrite", "Calendars.ReadWrite.Shared"), List.of());
    /** The other user, as an event owner. */
    public static final EventOwner ADELE = new EventOwner(EventOwner.USER, OTHER_USER, OTHER_UPN);
    /** The refusals every path into the registry answers with, worded as Graph words them. */
    public static final ReplyError NOT_FOUND = new ReplyError(404, "ErrorItemNotFound",
            "The specified object was not found in the store.");
    public static final ReplyError DENIED = new ReplyError(403, "ErrorAccessDenied",
            "Access is denied. Check credentials and try again.");
    public static final String BUCKET = "attache";
    /** "mac and cheese today": the 20-byte menu.txt of the Graph docs. */
    public static final byte[] MENU = "mac and cheese today".getBytes(StandardCharsets.US_ASCII);
    /** The start of a JFIF JPEG. */
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I',
        'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
    /** The PNG signature and the start of an IHDR chunk. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 'I',
        'H', 'D', 'R'};

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

    private int schemaVersion = AttachmentCommand.SCHEMA_VERSION;
    private String type = AttachmentCommand.TYPE_ADD;
    private String attachmentId = attachmentId(1);
    private String tenantId = TENANT;
    private String eventId = EVENT;
    private String odataType;
    private String name;
    private String contentType;
    private Boolean isInline;
    private String contentId;
    private String itemType;
    private ReferenceFields reference;
    private String payload;
    private long length;
    private String sha256;
    private String detectedType;
    private Route route = new Route("v1.0", "me", USER, "events", null, null);
    private Principal principal = ME;
    private EventInput event;
    private Idempotency idempotency;

    private Commands() {
    }

    /** {@code POST /me/events} of a small event with the generated id {@link #EVENT}. */
    public static Commands createEvent() {
        Commands c = new Commands();
        c.type = AttachmentCommand.TYPE_CREATE_EVENT;
        c.attachmentId = null;
        c.event = new EventInput("Plan summer company picnic", null,
                new DateTimeTimeZone("2026-12-01T10:00:00", "Pacific Standard Time"),
                new DateTimeTimeZone("2026-12-01T11:00:00", "Pacific Standard Time"), "Cafe", null);
        return c;
    }

    /** {@code DELETE /me/events/{EVENT}}. */
    public static Commands deleteEvent() {
        Commands c = new Commands();
        c.type = AttachmentCommand.TYPE_DELETE_EVENT;
        c.attachmentId = null;
        return c;
    }

    /** {@code DELETE /me/events/{EVENT}/attachments/{attachmentId}}. */
    public static Commands deleteAttachment(String attachmentId) {
        Commands c = new Commands();
        c.type = AttachmentCommand.TYPE_DELETE_ATTACHMENT;
        c.attachmentId = attachmentId;
        return c;
    }

    /** An event of the registry as a system of record publishes it. */
    public static CalendarEvent event(String tenantId, String eventId, EventOwner owner, String calendarGroupId,
            String calendarId) {
        return new CalendarEvent(CalendarEvent.SCHEMA_VERSION, tenantId, eventId, owner, calendarGroupId, calendarId,
                "Team sync", null, null, null, null, null, "2026-11-01T09:00:00Z", "2026-11-01T09:00:00Z");
    }

    /** {@link #EVENT} in the default calendar of the signed-in user {@link #USER}. */
    public static CalendarEvent myEvent() {
        return event(TENANT, EVENT, new EventOwner(EventOwner.USER, USER, UPN), null, null);
    }

    /** A generated-looking attachment id (schema: 22 to 64 of {@code [A-Za-z0-9_-]}). */
    public static String attachmentId(int n) {
        return String.format("AAMkAtt_%016d", n);
    }

    /** {@code POST …/attachments} of a fileAttachment with these bytes. */
    public static Commands file(String name, byte[] content) {
        Commands c = new Commands();
        c.odataType = "#microsoft.graph.fileAttachment";
        c.name = name;
        c.payload = AttachmentInput.PAYLOAD_CONTENT_BYTES;
        c.stored(content);
        c.detectedType = detected(content, name);
        return c;
    }

    /**
     * What ingest-api detects for these bytes and this name (Tika's bundled registry, magic bytes then the name), so
     * the commands here say what a front would.
     */
    public static String detected(byte[] content, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try {
            return TIKA.detect(new ByteArrayInputStream(content), metadata).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An itemAttachment whose item has {@code @odata.type} {@code itemType}. */
    public static Commands item(String name, String itemType) {
        Commands c = new Commands();
        c.odataType = "#microsoft.graph.itemAttachment";
        c.name = name;
        c.itemType = itemType;
        c.payload = AttachmentInput.PAYLOAD_ITEM;
        c.stored(("{\"@odata.type\":\"" + itemType + "\",\"subject\":\"Discuss gifts for children\"}")
                .getBytes(StandardCharsets.UTF_8));
        return c;
    }

    /** A referenceAttachment on beta with these properties. */
    public static Commands reference(String name, ReferenceFields reference) {
        Commands c = new Commands();
        c.odataType = "#microsoft.graph.referenceAttachment";
        c.name = name;
        c.reference = reference;
        c.payload = AttachmentInput.PAYLOAD_NONE;
        c.apiVersion("beta");
        String url = reference == null ? null : reference.sourceUrl();
        c.stored(("{\"name\":\"" + name + "\",\"sourceUrl\":\"" + url + "\"}").getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private void stored(byte[] bytes) {
        length = bytes.length;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Commands schemaVersion(int value) { schemaVersion = value; return this; }
    public Commands type(String value) { type = value; return this; }
    public Commands id(String value) { attachmentId = value; return this; }
    public Commands tenant(String value) { tenantId = value; return this; }
    public Commands event(String value) { eventId = value; return this; }
    public Commands odataType(String value) { odataType = value; return this; }
    public Commands name(String value) { name = value; return this; }
    public Commands contentType(String value) { contentType = value; return this; }
    public Commands inline(Boolean value) { isInline = value; return this; }
    public Commands contentId(String value) { contentId = value; return this; }
    public Commands itemType(String value) { itemType = value; return this; }
    public Commands reference(ReferenceFields value) { reference = value; return this; }
    public Commands payload(String value) { payload = value; return this; }
    public Commands length(long value) { length = value; return this; }
    public Commands detectedType(String value) { detectedType = value; return this; }
    public Commands principal(Principal value) { principal = value; return this; }
    public Commands eventInput(EventInput value) { event = value; return this; }
    public Commands idempotency(Idempotency value) { idempotency = value; return this; }

    /** Addressed as {@code /{v}/{ownerKind}/{ownerId}/{container…}/events/…}. */
    public Commands route(String ownerKind, String ownerId, String container, String calendarGroupId,
            String calendarId) {
        route = new Route(route.apiVersion(), ownerKind, ownerId, container, calendarGroupId, calendarId);
        return this;
    }

    public Commands apiVersion(String value) {
        route = new Route(value, route.ownerKind(), route.ownerId(), route.container(), route.calendarGroupId(),
                route.calendarId());
        return this;
    }

    public AttachmentCommand build() {
        if (!AttachmentCommand.TYPE_ADD.equals(type)) {
            return new AttachmentCommand(schemaVersion, type, attachmentId, tenantId, eventId, route, principal, null,
                    null, null, event, idempotency, null, null);
        }
        ObjectRef object = new ObjectRef(BUCKET, tenantId + "/" + attachmentId, length, sha256);
        AttachmentInput input = new AttachmentInput(odataType, name, contentType, isInline, contentId, itemType,
                reference, payload);
        return new AttachmentCommand(schemaVersion, type, attachmentId, tenantId, eventId, route, principal, input,
                object, detectedType, event, idempotency, null, null);
    }
}
