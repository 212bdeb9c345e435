package dev.attache.local.cli;

import dev.attache.local.jwt.ServiceKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attache service-key DIR}: a service key pair for a deployment (EC P-256): {@code private.pem} for
 * ingest-api, {@code jwks.json} for the processors, and the key id, printed with the command that makes the Secret
 * the Kubernetes manifests mount. An existing pair in {@code DIR} is reused: run it again to print the command again.
 */
@Command(name = "service-key", mixinStandardHelpOptions = true,
        description = "Create (or show) the key pair ingest-api signs its calls to the processor with, in DIR.")
final class ServiceKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Where private.pem, public.pem and jwks.json go.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        ServiceKeys keys = ServiceKeys.loadOrCreate(dir);
        var out = spec.commandLine().getOut();
        out.println("key id: " + keys.keyId());
        out.println("private key (ingest-api only): " + keys.pair().privateKeyFile());
        out.println("key set (processors): " + keys.jwksFile());
        out.println();
        out.println("kubectl create secret generic attache-service-jwt \\");
        out.println("  --from-file=private.pem=" + keys.pair().privateKeyFile() + " \\");
        out.println("  --from-file=jwks.json=" + keys.jwksFile() + " \\");
        out.println("  --from-literal=key-id=" + keys.keyId());
        out.flush();
        return 0;
    }
}
