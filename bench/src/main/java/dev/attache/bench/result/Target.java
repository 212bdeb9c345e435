package dev.attache.bench.result;

/** What was loaded: the pipeline end to end, or one of the two raw baselines it is compared with. */
public enum Target {
    /** {@code POST …/attachments} through ingest-api until 201. */
    PIPELINE,
    /** The same content PUT with the MinIO client to the same S3 server. */
    RAW_S3,
    /** One command-sized record produced with acks=all and read back read_committed. */
    RAW_KAFKA,
    /** {@code POST …/attachments} with {@code Prefer: return=minimal} until 204: no content echoed. */
    PIPELINE_MINIMAL,
    /**
     * {@code POST /v1.0/$batch} of {@link #BATCH_ITEMS} file attachments, each with {@code return=minimal}, until
     * every item is answered 201 or 204; the payload is the content of all of them.
     */
    PIPELINE_BATCH,
    /** The same {@link #BATCH_ITEMS} objects PUT with the MinIO client all at once; done when the last is. */
    RAW_S3_BATCH,
    /**
     * An upload session of {@link #SESSION_BYTES}: {@code createUploadSession}, then {@link #SESSION_SLICE_BYTES}
     * slices PUT one after the other to the upload URL, until the last one's 201.
     */
    PIPELINE_SESSION,
    /** The same bytes as one S3 multipart upload with the MinIO client: parts of {@link #RAW_PART_BYTES} in turn. */
    RAW_S3_MULTIPART;

    /** Items per batch: Graph's limit. */
    public static final int BATCH_ITEMS = 20;
    /** Content of each batch item. */
    public static final int BATCH_ITEM_BYTES = 64 * 1024;
    /** The file of an upload session: as the SDK tests, and the closing figures of its issue, use. */
    public static final int SESSION_BYTES = 40 * 1024 * 1024;
    /** Its slices: Graph's recommended 4 MB. */
    public static final int SESSION_SLICE_BYTES = 4 * 1024 * 1024;
    /** The baseline's parts: what the pipeline gathers two slices into. */
    public static final int RAW_PART_BYTES = 8 * 1024 * 1024;
}
