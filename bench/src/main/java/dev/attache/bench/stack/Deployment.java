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
 * @param token        a bearer token with Calendars.ReadWrite for a user
 * @param ingestApiPid ingest-api's process id on this machine, to observe its memory; empty when it runs elsewhere
 * @param processes    the deployment's processes on this machine, by name, whose CPU time is read per operation
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
        String kafkaBootstrapServers,
        OptionalLong ingestApiPid,
        Map<String, Long> processes,
        boolean disposable) {

    public Deployment {
        processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
    }
}
