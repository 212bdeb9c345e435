package dev.attache.ingest.request;

import java.util.Locale;

/** The client's {@code Prefer} header (RFC 7240) as far as attache honours it: {@code return=minimal} on creates. */
public final class Preferences {

    public static final String APPLIED_HEADER = "Preference-Applied";
    public static final String RETURN_MINIMAL = "return=minimal";

    private Preferences() {
    }

    /**
     * Whether the client asked for {@code return=minimal}: preferences are comma-separated, each may carry
     * {@code ;} parameters, names and tokens compare without case, and the value may be quoted.
     */
    public static boolean returnMinimal(GraphRequest request) {
        String prefer = request.header("Prefer");
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String main = preference.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            int equals = main.indexOf('=');
            if (equals > 0 && main.substring(0, equals).strip().equals("return")) {
                String value = main.substring(equals + 1).strip();
                if (value.equals("minimal") || value.equals("\"minimal\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A create answered as the client preferred: no body, the new entity's URL in {@code Location} and OData's. */
    public static GraphResponse minimal(String entityUrl) {
        return GraphResponse.empty(204)
                .withHeader("Location", entityUrl)
                .withHeader("OData-EntityId", entityUrl)
                .withHeader(APPLIED_HEADER, RETURN_MINIMAL);
    }
}
