package dev.attache.ingest.batch;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request of a JSON batch, as the client wrote it (docs/graph-compatibility.md §6).
 *
 * @param id the client's correlation id, unique in the batch
 * @param method the HTTP method, upper case
 * @param url relative to the version root ({@code /me/events/…} or {@code me/events/…}), query included
 * @param headers the item's headers (string values)
 * @param body its JSON body, or null
 * @param dependsOn the ids that must have succeeded before this one runs
 */
public record BatchItem(String id, String method, String url, Map<String, String> headers, JsonNode body,
        List<String> dependsOn) {
}
