package dev.attache.ingest.error;

/**
 * The Graph error codes this service answers with (graph-compatibility.md §5.2). Exchange-backed checks use the
 * {@code Error*} codes, gateway-level checks the generic ones, as Graph does.
 */
public final class GraphErrorCodes {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String INVALID_REQUEST = "ErrorInvalidRequest";
    public static final String INVALID_ID_MALFORMED = "ErrorInvalidIdMalformed";
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

    private GraphErrorCodes() {
    }
}
