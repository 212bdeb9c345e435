package dev.attache.schemas.kafka;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.attache.schemas.attachment.AttachmentCommand;
import dev.attache.schemas.attachment.AttachmentRecord;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.ObjectDeletion;
import dev.attache.schemas.session.UploadSession;

/** A Kafka serde for one contract type, through {@link ContractJson#MAPPER}. */
public class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static JsonSerde<AttachmentCommand> commands() {
        return new JsonSerde<>(AttachmentCommand.class);
    }

    public static JsonSerde<AttachmentRecord> records() {
        return new JsonSerde<>(AttachmentRecord.class);
    }

    public static JsonSerde<AttachmentReply> replies() {
        return new JsonSerde<>(AttachmentReply.class);
    }

    public static JsonSerde<UploadSession> sessions() {
        return new JsonSerde<>(UploadSession.class);
    }

    public static JsonSerde<ObjectDeletion> deletions() {
        return new JsonSerde<>(ObjectDeletion.class);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return ContractJson.MAPPER.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return ContractJson.MAPPER.readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topic, e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // the type is fixed at construction
    }

    @Override
    public void close() {
        // nothing to release: the mapper is shared
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
