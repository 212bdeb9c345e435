package dev.attache.local.s3;

/**
 * The access key pair the embedded S3 server accepts (AWS signature V2 or V4).
 *
 * <p>{@link #DEV} is a fixed, published pair for a server that only listens on 127.0.0.1 and holds throw-away
 * data. It is not a secret and must never be configured on a real S3 store.
 */
public record S3Credentials(String accessKey, String secretKey) {

    public static final String DEV_ACCESS_KEY = "attache";
    public static final String DEV_SECRET_KEY = "attache-dev-secret-not-for-production";

    public static final S3Credentials DEV = new S3Credentials(DEV_ACCESS_KEY, DEV_SECRET_KEY);

    @Override
    public String toString() {
        // keep the secret out of logs and exception messages
        return "S3Credentials[accessKey=" + accessKey + "]";
    }
}
