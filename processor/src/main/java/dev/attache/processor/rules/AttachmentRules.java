package dev.attache.processor.rules;

import static dev.attache.processor.rules.InvalidAttachment.invalid;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentInput;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.ObjectRef;
import dev.attache.schemas.attachment.ReferenceFields;
import dev.attache.schemas.attachment.TextField;

/**
 * Decides what one {@code add} command makes, once {@link AccessRules} let it at its event: a pure function of the
 * command and its log-append time, so replaying the command log rebuilds the same records.
 *
 * <ul>
 *   <li>{@code size} is {@code object.length}, the bytes stored in S3: the decoded file, the item's JSON, or the
 *       JSON description of a reference. (Graph reports Exchange's own larger figure; clients must not assume
 *       {@code size == len(contentBytes)} either way, graph-compatibility.md §1.7.)</li>
 *   <li>{@code lastModifiedDateTime} is the append time truncated to whole seconds, UTC, {@code Z}.</li>
 *   <li>{@code isInline} defaults to false; ids, tenant, event, route and object are copied.</li>
 *   <li>On {@code v1.0} a {@code referenceAttachment} has no properties beyond the base ones (CSDL): any beta
 *       reference properties sent there are dropped, and the record has no {@code reference}.</li>
 * </ul>
 */
public final class AttachmentRules {

    public static final int MAX_NAME_LENGTH = 255;

    private static final String BETA = "beta";

    private AttachmentRules() {
    }

    /** The decision for {@code command}, appended to the log at {@code appendTime}. */
    public static Decision decide(AttachmentCommand command, Instant appendTime) {
        Optional<String> defect = CommandShape.defect(command);
        if (defect.isPresent()) {
            return new Decision.Unprocessable(defect.get());
        }
        if (!AttachmentCommand.TYPE_ADD.equals(command.type())) {
            return new Decision.Unprocessable("command type '" + command.type() + "' does not make an attachment");
        }
        try {
            return new Decision.Accepted(record(command, appendTime));
        } catch (InvalidAttachment e) {
            return new Decision.Rejected(e.error());
        }
    }

    /**
     * Why {@code command}, of any type, cannot be judged at all (not version 1, an unknown type, required parts
     * missing), or empty. Such a command is not the client's fault: nothing is stored and its object is kept.
     */
    public static Optional<String> defect(AttachmentCommand command) {
        return CommandShape.defect(command);
    }

    /** {@code lastModifiedDateTime} for an append time: whole seconds, e.g. {@code 2026-11-27T14:00:00Z}. */
    public static String lastModified(Instant appendTime) {
        return DateTimeFormatter.ISO_INSTANT.format(appendTime.truncatedTo(ChronoUnit.SECONDS));
    }

    private static AttachmentRecord record(AttachmentCommand command, Instant appendTime) {
        AttachmentInput in = command.attachment();
        AttachmentKind kind = AttachmentKind.of(in.odataType());
        rejectPropertiesForeignTo(kind, in);
        String name = name(in.name());
        rejectMalformedText(in);
        int size = size(command.object());
        Specific specific = switch (kind) {
            case FILE -> file(command);
            case ITEM -> item(in);
            case REFERENCE -> reference(command);
        };
        return new AttachmentRecord(AttachmentRecord.SCHEMA_VERSION, command.tenantId(), command.eventId(),
                command.attachmentId(), command.route(), kind.odataType(), name, specific.contentType(), size,
                Boolean.TRUE.equals(in.isInline()), lastModified(appendTime), specific.contentId(),
                specific.itemType(), specific.reference(), command.object());
    }

    /** Graph refuses a body that sets a property its type does not declare (e.g. {@code item} on a file). */
    private static void rejectPropertiesForeignTo(AttachmentKind kind, AttachmentInput in) {
        for (String property : SentProperties.kindSpecific(in)) {
            if (!kind.declares(property)) {
                throw invalid("The property '" + property + "' does not exist on type '" + kind.qualifiedName()
                        + "'.");
            }
        }
    }

    /**
     * The front refuses these before storing anything; checked again here because the log is the contract, whoever
     * wrote to it.
     */
    private static void rejectMalformedText(AttachmentInput in) {
        ReferenceFields reference = in.reference() == null
                ? new ReferenceFields(null, null, null, null, null, null)
                : in.reference();
        Stream.of(TextField.NAME.defect("name", in.name()),
                        TextField.SHORT.defect("@odata.type", in.odataType()),
                        TextField.SHORT.defect("contentType", in.contentType()),
                        TextField.SHORT.defect("contentId", in.contentId()),
                        TextField.SHORT.defect("@odata.type of item", in.itemType()),
                        TextField.URL.defect("sourceUrl", reference.sourceUrl()),
                        TextField.SHORT.defect("providerType", reference.providerType()),
                        TextField.SHORT.defect("permission", reference.permission()),
                        TextField.URL.defect("thumbnailUrl", reference.thumbnailUrl()),
                        TextField.URL.defect("previewUrl", reference.previewUrl()))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(defect -> {
                    throw invalid(defect);
                });
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw invalid("The name of the attachment is required.");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            throw invalid("The name of the attachment must be at most " + MAX_NAME_LENGTH + " characters; it has "
                    + length + ".");
        }
        return name;
    }

    private static int size(ObjectRef object) {
        if (object.length() > Integer.MAX_VALUE) {
            // size is an Edm.Int32 in Graph
            throw new InvalidAttachment(GraphErrors.tooLarge("The attachment is larger than " + Integer.MAX_VALUE
                    + " bytes."));
        }
        return (int) object.length();
    }

    private static Specific file(AttachmentCommand command) {
        AttachmentInput in = command.attachment();
        if (!AttachmentInput.PAYLOAD_CONTENT_BYTES.equals(in.payload())) {
            throw invalid("contentBytes is required for a fileAttachment.");
        }
        String contentType = ContentTypes.resolve(in.contentType(), command.detectedType());
        return new Specific(contentType, in.contentId(), null, null);
    }

    private static Specific item(AttachmentInput in) {
        if (!AttachmentInput.PAYLOAD_ITEM.equals(in.payload())) {
            throw invalid("item is required for an itemAttachment.");
        }
        // Graph leaves an item's contentType null unless the client set one
        return new Specific(in.contentType(), null, ItemType.canonical(in.itemType()), null);
    }

    private static Specific reference(AttachmentCommand command) {
        AttachmentInput in = command.attachment();
        ReferenceFields reference = BETA.equals(command.route().apiVersion())
                ? ReferenceRules.canonical(in.reference())
                : null;
        return new Specific(in.contentType(), null, null, reference);
    }

    /** What only some kinds of attachment carry. */
    private record Specific(String contentType, String contentId, String itemType, ReferenceFields reference) {
    }
}
