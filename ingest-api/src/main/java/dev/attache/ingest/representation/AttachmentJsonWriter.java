package dev.attache.ingest.representation;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import dev.attache.ingest.spool.SpooledContent;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.graph.ODataTypes;
import dev.attache.schemas.kafka.ContractJson;

/**
 * Writes attachments as Graph does (graph-compatibility.md §1, §3): {@code @odata.type}, the base properties, then
 * the type's own. A file's {@code contentBytes} is streamed from its {@link ContentSource} through a base64 encoder
 * ({@link Base64Value}), never held whole; an expanded item is copied from it token by token. Beta-only reference
 * properties appear only on beta.
 */
@ApplicationScoped
public class AttachmentJsonWriter {

    private static final Logger LOG = Logger.getLogger(AttachmentJsonWriter.class);
    static final String FILE = ODataTypes.FILE_ATTACHMENT;
    private static final int RESPONSE_BUFFER = 64 * 1024;
    static final String ITEM = ODataTypes.ITEM_ATTACHMENT;

    /**
     * The body of a 201, its {@code contentBytes} from the bytes just stored (still spooled on local disk, so the
     * echo costs no read from S3); released once written. A file's content is opened here, before any status is
     * sent: should that fail, the attachment still exists (its command is committed), so the answer stays 201 and
     * {@code contentBytes} is null rather than the request failing into a retry that would duplicate it.
     */
    public StreamingOutput created(AttachmentRecord record, String odataContext, SpooledContent stored) {
        InputStream content = FILE.equals(record.odataType()) ? open(stored, record) : null;
        return target -> {
            try (stored; InputStream in = content; JsonGenerator g = generator(target)) {
                g.writeStartObject();
                g.writeStringField("@odata.context", odataContext);
                fields(g, record, Selection.ALL, in, true);
                g.writeEndObject();
            }
        };
    }

    /** One attachment ({@code GET …/attachments/{A}}), with its item when {@code expandItem}. */
    public StreamingOutput entity(AttachmentRecord record, String odataContext, Selection selection,
            boolean expandItem, String itemContext, ContentSource contents) {
        return target -> {
            try (JsonGenerator g = generator(target)) {
                g.writeStartObject();
                g.writeStringField("@odata.context", odataContext);
                entityFields(g, record, selection, contents);
                if (expandItem && ITEM.equals(record.odataType())) {
                    g.writeStringField("item@odata.context", itemContext);
                    g.writeFieldName("item");
                    copyItem(g, record, contents);
                }
                g.writeEndObject();
            }
        };
    }

    /** A page of an event's attachments ({@code GET …/attachments}). */
    public StreamingOutput collection(List<AttachmentRecord> page, String odataContext, Selection selection,
            Long count, String nextLink, ContentSource contents) {
        return target -> {
            try (JsonGenerator g = generator(target)) {
                g.writeStartObject();
                g.writeStringField("@odata.context", odataContext);
                if (count != null) {
                    g.writeNumberField("@odata.count", count);
                }
                g.writeArrayFieldStart("value");
                for (AttachmentRecord record : page) {
                    g.writeStartObject();
                    entityFields(g, record, selection, contents);
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (nextLink != null) {
                    g.writeStringField("@odata.nextLink", nextLink);
                }
                g.writeEndObject();
            }
        };
    }

    private static InputStream open(SpooledContent stored, AttachmentRecord record) {
        try {
            return stored.open();
        } catch (IOException e) {
            LOG.warnf("Spooled content of %s unreadable: %s", record.attachmentId(), e);
            return null;
        }
    }

    private static void entityFields(JsonGenerator g, AttachmentRecord record, Selection selection,
            ContentSource contents) throws IOException {
        boolean content = FILE.equals(record.odataType()) && selection.includes("contentBytes");
        if (FILE.equals(record.odataType()) && selection.includes("contentType") && record.contentType() != null) {
            g.writeStringField("@odata.mediaContentType", record.contentType());
        }
        try (InputStream in = content ? contents.open(record) : null) {
            fields(g, record, selection, in, content);
        }
    }

    private static void fields(JsonGenerator g, AttachmentRecord record, Selection selection, InputStream content,
            boolean contentSelected) throws IOException {
        g.writeStringField("@odata.type", record.odataType());
        g.writeStringField("id", record.attachmentId());
        if (selection.includes("lastModifiedDateTime")) {
            g.writeStringField("lastModifiedDateTime", record.lastModifiedDateTime());
        }
        nullable(g, selection, "name", record.name());
        nullable(g, selection, "contentType", record.contentType());
        if (selection.includes("size")) {
            g.writeNumberField("size", record.size());
        }
        if (selection.includes("isInline")) {
            g.writeBooleanField("isInline", record.isInline());
        }
        if (FILE.equals(record.odataType())) {
            nullable(g, selection, "contentId", record.contentId());
            nullable(g, selection, "contentLocation", null);
            if (content != null) {
                g.writeFieldName("contentBytes");
                Base64Value.write(g, content, record.object().length());
            } else if (contentSelected) {
                // selected but unreadable: the attachment exists, its content cannot be served now
                g.writeNullField("contentBytes");
            }
        } else if (ODataTypes.REFERENCE_ATTACHMENT.equals(record.odataType())) {
            reference(g, record, selection);
        }
    }

    private static void copyItem(JsonGenerator g, AttachmentRecord record, ContentSource contents)
            throws IOException {
        try (InputStream in = contents.open(record); JsonParser p = in == null ? null : ContractJson.MAPPER.createParser(in)) {
            if (p == null || p.nextToken() == null) {
                g.writeNull();
                return;
            }
            g.copyCurrentStructure(p);
        }
    }

    private static void reference(JsonGenerator g, AttachmentRecord record, Selection selection) throws IOException {
        ReferenceFields ref = record.reference();
        if (ref == null || !"beta".equals(record.route().apiVersion())) {
            return;
        }
        nullable(g, selection, "sourceUrl", ref.sourceUrl());
        nullable(g, selection, "providerType", ref.providerType());
        nullable(g, selection, "thumbnailUrl", ref.thumbnailUrl());
        nullable(g, selection, "previewUrl", ref.previewUrl());
        nullable(g, selection, "permission", ref.permission());
        if (selection.includes("isFolder")) {
            if (ref.isFolder() == null) {
                g.writeNullField("isFolder");
            } else {
                g.writeBooleanField("isFolder", ref.isFolder());
            }
        }
    }

    private static void nullable(JsonGenerator g, Selection selection, String field, String value)
            throws IOException {
        if (!selection.includes(field)) {
            return;
        }
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    /**
     * Writes through a 64 KiB buffer: every write to the response stream is a hand-over to the event loop, and the
     * generator's own 8 KB flushes made a megabyte of {@code contentBytes} cost some 170 of them (a seventh of the
     * CPU of a 1 MiB POST, profiled).
     */
    private static JsonGenerator generator(OutputStream target) throws IOException {
        return ContractJson.MAPPER.getFactory().createGenerator(new BufferedOutputStream(target, RESPONSE_BUFFER))
                // contentBytes is written around the generator (Base64Value): its flushes stay inside the buffer
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    }
}
