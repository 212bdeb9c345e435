package dev.attache.local.cli;

import dev.attache.local.stack.StackEndpoints;
import dev.attache.local.stack.StackLayout;
import dev.attache.schemas.kafka.KafkaAccess;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** What {@code up} prints once everything is ready: where things are and how to call the API. */
final class StartupSummary {

    private static final String ROW = "  %-11s %s%n";

    private StartupSummary() {
    }

    /**
     * @param tokenCommand the {@code ./attache token …} command that mints tokens for this stack (it differs when
     *                     the data dir or issuer is not the default)
     */
    static void print(PrintWriter out, StackEndpoints stack, StackLayout layout, Duration elapsed, String tokenCommand) {
        out.printf(Locale.ROOT, "attache is up: ready in %.1f s%n%n", elapsed.toMillis() / 1000.0);
        if (stack.ingestUrl() != null) {
            out.printf(ROW, "Graph API", stack.graphBaseUrl());
        }
        if (stack.processorUrl() != null) {
            out.printf(ROW, "processor", stack.processorUrl());
        }
        if (stack.kafkaBootstrapServers() != null) {
            out.printf(ROW, "Kafka", stack.kafkaBootstrapServers()
                    + "  SASL_PLAINTEXT, SCRAM-SHA-512, one user per app");
            out.printf(ROW, "", "admin: kcat -b " + stack.kafkaBootstrapServers()
                    + " -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-512 \\");
            // the password stays in its owner-only file, out of terminal and CI logs
            out.printf(ROW, "", "  -X sasl.username=" + KafkaAccess.ADMIN + " -X sasl.password=\"$(sed -n 's/^"
                    + KafkaAccess.ADMIN + "=//p' " + stack.kafkaCredentials().file() + ")\" -L");
        }
        if (stack.s3Endpoint() != null) {
            out.printf(ROW, "S3", stack.s3Endpoint() + "  bucket " + stack.bucket() + "  region " + stack.region());
            out.printf(ROW, "", "access key " + stack.s3Credentials().accessKey()
                    + "  secret key " + stack.s3Credentials().secretKey() + "  (dev only)");
        }
        out.printf(ROW, "token", tokenCommand + "   (add --app for an app-only token)");
        if (stack.ingestUrl() != null) {
            // An attachment needs an event that exists: create one, then attach to it.
            out.printf(ROW, "try", "TOKEN=$(" + tokenCommand + ")");
            out.printf(ROW, "", "EVENT=$(curl -s -X POST " + stack.graphBaseUrl() + "/me/events -H \"Authorization: Bearer $TOKEN\" \\");
            out.printf(ROW, "", "  -H \"Content-Type: application/json\" -d '{\"subject\":\"Lunch\"}' | grep -o '\"id\":\"[^\"]*\"' | cut -d'\"' -f4)");
            out.printf(ROW, "", "curl -X POST " + stack.graphBaseUrl() + "/me/events/$EVENT/attachments -H \"Authorization: Bearer $TOKEN\" \\");
            out.printf(ROW, "", "  -H \"Content-Type: application/json\" \\");
            out.printf(ROW, "", "  -d '{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"hello.txt\",\"contentBytes\":\"aGVsbG8=\"}'");
        }
        out.printf(ROW, "data", layout.dataDir());
        out.printf(ROW, "logs", layout.logs());
        out.printf("%nCtrl-C stops everything.%n");
        out.flush();
    }
}
