package dev.attache.audit.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.attache.audit.trail.InclusionProof;
import dev.attache.processor.audit.SigningKeyFile;
import dev.attache.schemas.kafka.ContractJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "prove", description = {
    "An inclusion proof (RFC 9162) of an attachment's outcome against the latest signed checkpoint that covers it,",
    "verified here. Exit 0 when it verifies."})
final class ProveCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ATTACHMENT")
    String attachmentId;

    @Option(names = "--tenant", paramLabel = "TID")
    String tenantId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AuditTarget target = connection.resolve();
        Optional<InclusionProof> proof = InclusionProof.of(TrailReading.live(target), tenantId, attachmentId,
                SigningKeyFile.publicKey(target.publicKey()));
        PrintWriter out = spec.commandLine().getOut();
        if (proof.isEmpty()) {
            out.println("no signed checkpoint covers an entry of attachment " + attachmentId + " (yet)");
            return AuditCommand.FOUND_DIFFERENCES;
        }
        out.println(ContractJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(proof.get()));
        out.println(proof.get().verified() ? "verified" : "NOT verified");
        return proof.get().verified() ? 0 : AuditCommand.FOUND_DIFFERENCES;
    }
}
