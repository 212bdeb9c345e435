package dev.attache.schemas.graph;

/**
 * The Graph error codes attache answers with (docs/graph-compatibility.md §5.2), for both apps: the processor puts
 * them in its replies, ingest-api in the envelopes it writes itself. Exchange-backed checks use the {@code Error*}
 * codes, gateway-level checks the generic ones, as Graph does.
 */
public final class GraphErrorCodes {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String INVALID_REQUEST = "ErrorInvalidRequest";
    public static final String INVALID_ID_MALFORMED = "ErrorInvalidIdMalformed";
    public static final String INVALID_USER = "ErrorInvalidUser";
    public static final String ITEM_NOT_FOUND = "ErrorItemNotFound";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String REQUEST_TOO_LARGE = "RequestEntityTooLarge";
    public static final String URI_TOO_LONG = "RequestUriTooLong";
    public static final String HEADERS_TOO_LARGE = "RequestHeaderFieldsTooLarge";
    public static final String INVALID_AUTHENTICATION_TOKEN = "InvalidAuthenticationToken";
    public static final String ACCESS_DENIED = "ErrorAccessDenied";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String GENERAL_EXCEPTION = "generalException";
    public static final String GATEWAY_TIMEOUT = "GatewayTimeout";
    /** A create whose {@code Idempotency-Key} is still being processed: retry later. */
    public static final String CONFLICT = "Conflict";
    /** A create whose {@code Idempotency-Key} was used with another request. */
    public static final String UNPROCESSABLE_ENTITY = "UnprocessableEntity";
    /** A {@code $batch} item whose dependency failed. */
    public static final String FAILED_DEPENDENCY = "FailedDependency";
    /** An upload session's file is under the minimum (Exchange's code, outlook-large-attachments "Errors"). */
    public static final String ATTACHMENT_TOO_SMALL = "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize";
    /** An upload session's file is over the maximum message size (Exchange's code). */
    public static final String MESSAGE_SIZE_EXCEEDED = "ErrorMessageSizeExceeded";
    /** A slice out of order, overlapping, or of the wrong length (OneDrive's code; the Java SDK looks for it). */
    public static final String INVALID_RANGE = "invalidRange";

    private GraphErrorCodes() {
    }
}
