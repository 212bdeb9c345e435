package dev.attache.ingest.http;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.RoutingContext;

/** The base URL clients reach this service at, for {@code @odata.context} and {@code Location}. */
@ApplicationScoped
public class PublicUrls {

    private final String configured;

    PublicUrls(@ConfigProperty(name = "attache.ingest.public-url") Optional<String> configured) {
        this.configured = configured.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse(null);
    }

    /** The configured public URL, else the scheme and host the request came to. */
    public String baseUrl(RoutingContext rc) {
        if (configured != null) {
            return configured;
        }
        try {
            URI uri = URI.create(rc.request().absoluteURI());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (RuntimeException e) {
            return "http://localhost";
        }
    }
}
