package dev.attache.ingest.representation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.kafka.ContractJson;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;

/**
 * Writes an attachment as Graph does (graph-contract.md §3.1): {@code @odata.context}, {@code @odata.type}, the base
 * properties, then the type's own. A file's {@code contentBytes} is streamed from S3 through a base64 encoder, never
 * held whole. Beta-only reference properties appear only on beta.
 */
@ApplicationScoped
public class AttachmentJsonWriter {

    private static final Logger LOG = Logger.getLogger(AttachmentJsonWriter.class);
    private static final String FILE = "#microsoft.graph.fileAttachment";

    private final MinioClient s3;

    AttachmentJsonWriter(MinioClient s3) {
        this.s3 = s3;
    }

    /**
     * The body for {@code record}. A file's content is opened here, before any status is sent: should the store fail
     * now, the attachment still exists (its command is committed), so the answer stays 201 and {@code contentBytes}
     * is null rather than the request failing into a retry that would duplicate it.
     */
    public StreamingOutput body(AttachmentRecord record, String odataContext) {
        InputStream content = FILE.equals(record.odataType()) ? open(record) : null;
        return target -> {
            try (InputStream in = content) {
                write(record, odataContext, in, target);
            }
        };
    }

    private InputStream open(AttachmentRecord record) {
        try {
            return s3.getObject(GetObjectArgs.builder()
                    .bucket(record.object().bucket())
                    .object(record.object().key())
                    .build());
        } catch (Exception e) {
            LOG.warnf("Stored content of %s unreadable, answering without contentBytes: %s", record.attachmentId(), e);
            return null;
        }
    }

    private void write(AttachmentRecord record, String odataContext, InputStream content, OutputStream target)
            throws IOException {
        try (JsonGenerator g = ContractJson.MAPPER.getFactory().createGenerator(target)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", odataContext);
            g.writeStringField("@odata.type", record.odataType());
            g.writeStringField("id", record.attachmentId());
            g.writeStringField("lastModifiedDateTime", record.lastModifiedDateTime());
            nullable(g, "name", record.name());
            nullable(g, "contentType", record.contentType());
            g.writeNumberField("size", record.size());
            g.writeBooleanField("isInline", record.isInline());
            switch (record.odataType()) {
                case FILE -> {
                    nullable(g, "contentId", record.contentId());
                    g.writeNullField("contentLocation");
                    if (content == null) {
                        g.writeNullField("contentBytes");
                    } else {
                        g.writeFieldName("contentBytes");
                        g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, content, (int) record.object().length());
                    }
                }
                case "#microsoft.graph.referenceAttachment" -> reference(g, record);
                default -> {
                    // item attachments: the item itself is only returned with $expand
                }
            }
            g.writeEndObject();
        }
    }

    private static void reference(JsonGenerator g, AttachmentRecord record) throws IOException {
        ReferenceFields ref = record.reference();
        if (ref == null || !"beta".equals(record.route().apiVersion())) {
            return;
        }
        nullable(g, "sourceUrl", ref.sourceUrl());
        nullable(g, "providerType", ref.providerType());
        nullable(g, "thumbnailUrl", ref.thumbnailUrl());
        nullable(g, "previewUrl", ref.previewUrl());
        nullable(g, "permission", ref.permission());
        if (ref.isFolder() == null) {
            g.writeNullField("isFolder");
        } else {
            g.writeBooleanField("isFolder", ref.isFolder());
        }
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }
}
