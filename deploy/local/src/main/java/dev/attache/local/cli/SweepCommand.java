package dev.attache.local.cli;

import dev.attache.local.jwt.ServiceKeys;
import dev.attache.local.stack.ReadyFile;
import dev.attache.schemas.internal.ServiceToken;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attache sweep}: one orphan sweep now, on the processor, which answers with what it saw and deleted. The call
 * is authenticated like ingest-api's: a service token signed with the stack's service key.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Delete the orphaned objects now (objects no record references, older than the grace, whose"
                + " command cannot still be waiting for the processor) and print the processor's report.")
final class SweepCommand implements Callable<Integer> {

    private static final String SWEEP_PATH = "/internal/sweep";

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--processor-url", paramLabel = "URL",
            description = "The processor (default: the one `up` runs for the data dir, else http://127.0.0.1:8081).")
    URI processorUrl;

    @Option(names = "--dry-run", description = "Count what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--service-key", paramLabel = "PEM",
            description = "The service key to sign with (default: the data dir's service-jwt/private.pem).")
    Path serviceKey;

    @Option(names = "--key-id", paramLabel = "KID",
            description = "Its key id in the processor's key set (default: the data dir's key's thumbprint).")
    String keyId;

    @Override
    public Integer call() throws Exception {
        ServiceKeys keys = ServiceKeys.loadOrCreate(dataDir.layout().serviceJwt());
        PrivateKey key = serviceKey == null ? keys.pair().privateKey()
                : KeyUtils.decodePrivateKey(Files.readString(serviceKey), SignatureAlgorithm.ES256);
        byte[] body = ("{\"dryRun\":" + dryRun + "}").getBytes(StandardCharsets.UTF_8);
        String token = Jwt.issuer(ServiceToken.ISSUER).audience(ServiceToken.AUDIENCE).subject("attache-sweep")
                .claim(ServiceToken.PATH_CLAIM, SWEEP_PATH)
                .claim(ServiceToken.BODY_HASH_CLAIM, ServiceToken.bodyHash(body))
                .expiresIn(Duration.ofSeconds(ServiceToken.LIFETIME_SECONDS))
                .jws().algorithm(SignatureAlgorithm.ES256).keyId(keyId != null ? keyId : keys.keyId())
                .sign(key);
        URI target = URI.create(processor() + SWEEP_PATH);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(target)
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        (response.statusCode() == 200 ? spec.commandLine().getOut() : spec.commandLine().getErr())
                .println(response.body());
        return response.statusCode() == 200 ? 0 : 1;
    }

    /** The processor of the stack `up` runs for the data dir, as its stack file says. */
    private String processor() throws Exception {
        if (processorUrl != null) {
            return processorUrl.toString().replaceAll("/+$", "");
        }
        return ReadyFile.read(dataDir.layout().stackFile(), ReadyFile.PROCESSOR_URL).orElse("http://127.0.0.1:8081");
    }
}
