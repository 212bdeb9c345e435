package dev.attache.ingest.representation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.attache.ingest.route.EventPath;

/**
 * The URLs Graph puts in {@code @odata.context} and {@code Location}. The owner is always spelled out (a {@code /me}
 * call gets the caller's object id), ids are percent-encoded ({@code =} → {@code %3D}).
 */
public final class ODataUrls {

    private ODataUrls() {
    }

    /** {@code …/$metadata#users('{owner}')/events('{E}')/attachments/$entity}. */
    public static String entityContext(String baseUrl, EventPath event, String ownerId) {
        return attachmentsMetadata(baseUrl, event, ownerId) + "/$entity";
    }

    /** {@code …/$metadata#users('{owner}')/events('{E}')/attachments}: the collection. */
    public static String collectionContext(String baseUrl, EventPath event, String ownerId) {
        return attachmentsMetadata(baseUrl, event, ownerId);
    }

    /** {@code …/attachments('{A}')/microsoft.graph.itemAttachment/item/$entity}: an expanded item. */
    public static String itemContext(String baseUrl, EventPath event, String ownerId, String attachmentId) {
        return attachmentsMetadata(baseUrl, event, ownerId) + "('" + encode(attachmentId)
                + "')/microsoft.graph.itemAttachment/item/$entity";
    }

    /** {@code …/$metadata#users('{owner}')/events/$entity}. */
    public static String eventContext(String baseUrl, EventPath event, String ownerId) {
        return ownerMetadata(baseUrl, event, ownerId) + "/events/$entity";
    }

    /** The canonical URL of one event. */
    public static String event(String baseUrl, EventPath event, String ownerId, String eventId) {
        return ownerUrl(baseUrl, event, ownerId) + "/events/" + encode(eventId);
    }

    /** The canonical URL of one attachment, in key-as-segment form any route parser here reads back. */
    public static String attachment(String baseUrl, EventPath event, String ownerId, String attachmentId) {
        return ownerUrl(baseUrl, event, ownerId) + "/events/" + encode(event.eventId()) + "/attachments/"
                + encode(attachmentId);
    }

    /**
     * One attachment in OData key form, {@code …/events('{E}')/attachments('{A}')}, as Outlook's {@code Location}
     * after an upload session: clients parse the id out of {@code attachments('…')}.
     */
    public static String attachmentByKey(String baseUrl, EventPath event, String ownerId, String attachmentId) {
        return ownerUrl(baseUrl, event, ownerId) + "/events('" + encode(event.eventId()) + "')/attachments('"
                + encode(attachmentId) + "')";
    }

    /** {@code …/$metadata#users('{owner}')}. */
    private static String ownerMetadata(String baseUrl, EventPath event, String ownerId) {
        return baseUrl + "/" + event.apiVersion() + "/$metadata#" + ownerCollection(event) + "('" + encode(ownerId)
                + "')";
    }

    /** {@code …/$metadata#users('{owner}')/events('{E}')/attachments}. */
    private static String attachmentsMetadata(String baseUrl, EventPath event, String ownerId) {
        return ownerMetadata(baseUrl, event, ownerId) + "/events('" + encode(event.eventId()) + "')/attachments";
    }

    /** {@code …/users/{owner}}. */
    private static String ownerUrl(String baseUrl, EventPath event, String ownerId) {
        return baseUrl + "/" + event.apiVersion() + "/" + ownerCollection(event) + "/" + encode(ownerId);
    }

    private static String ownerCollection(EventPath event) {
        return EventPath.GROUP.equals(event.ownerKind()) ? "groups" : "users";
    }

    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
