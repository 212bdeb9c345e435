package dev.attache.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * The request body of a file attachment with the given content, built once per payload size: the load generator
 * spends no CPU on encoding while it measures.
 */
public record FileAttachmentBody(byte[] json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FileAttachmentBody of(String name, byte[] content) {
        ObjectNode body = JSON.createObjectNode()
                .put("@odata.type", "#microsoft.graph.fileAttachment")
                .put("name", name)
                .put("contentType", "application/octet-stream")
                .put("contentBytes", Base64.getEncoder().encodeToString(content));
        try {
            return new FileAttachmentBody(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
