package dev.attache.local.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ({@code Implementation-Version}), which Maven fills from the pom. */
final class AttacheVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AttacheCommand.class.getPackage().getImplementationVersion();
        return new String[] {"attache " + (version == null ? "(development build)" : version)};
    }
}
