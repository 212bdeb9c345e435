package dev.attache.bench.result;

/** What was loaded: the pipeline end to end, or one of the two raw baselines it is compared with. */
public enum Target {
    /** {@code POST …/attachments} through ingest-api until 201. */
    PIPELINE,
    /** The same content PUT with the MinIO client to the same S3 server. */
    RAW_S3,
    /** One command-sized record produced with acks=all and read back read_committed. */
    RAW_KAFKA
}
