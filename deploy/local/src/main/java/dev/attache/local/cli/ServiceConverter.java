package dev.attache.local.cli;

import dev.attache.local.stack.Service;
import picocli.CommandLine.ITypeConverter;

/** {@code --services} names ({@code ingest-api}, not the enum's {@code INGEST_API}). */
final class ServiceConverter implements ITypeConverter<Service> {

    @Override
    public Service convert(String value) {
        return Service.fromCliName(value);
    }
}
