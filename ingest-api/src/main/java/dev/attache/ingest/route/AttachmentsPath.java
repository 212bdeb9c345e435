package dev.attache.ingest.route;

import java.util.List;

/**
 * A path into an event's attachments: the collection itself ({@code attachmentId} null, {@code tail} empty), one
 * attachment, or something below them ({@code $value}, {@code $count}, …) in {@code tail}.
 */
public record AttachmentsPath(EventPath event, String attachmentId, List<String> tail) implements GraphResource {

    public boolean isCollection() {
        return attachmentId == null && tail.isEmpty();
    }
}
