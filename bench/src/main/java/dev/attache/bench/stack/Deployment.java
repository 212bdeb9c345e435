package dev.attache.bench.stack;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the benchmark loads and compares: the pipeline's Graph API and the S3 server and Kafka cluster behind it.
 *
 * @param graphBase    e.g. {@code http://localhost:8080/v1.0}
 * @param kafkaClient  how to reach the Kafka cluster: {@code bootstrap.servers} and its security settings, as a user
 *                     that may create and delete the raw Kafka baseline's own topic
 * @param token        a bearer token with Calendars.ReadWrite for a user
 * @param processes    the deployment's processes on this machine, by name, whose CPU time is read per operation;
 *                     {@value #INGEST_API}'s memory is observed too
 * @param disposable   whether everything in it is thrown away after the run (the embedded stack), so the benchmark
 *                     need not delete what it wrote
 */
public record Deployment(
        String description,
        URI graphBase,
        String token,
        URI s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String s3Region,
        String bucket,
        Map<String, Object> kafkaClient,
        Map<String, Long> processes,
        boolean disposable) {

    public static final String INGEST_API = "ingest-api";
    public static final String PROCESSOR = "processor";

    public Deployment {
        processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
        kafkaClient = Map.copyOf(kafkaClient);
    }

    /** ingest-api's process id, when it runs on this machine. */
    public OptionalLong ingestApiPid() {
        Long pid = processes.get(INGEST_API);
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
    }
}
