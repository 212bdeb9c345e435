package dev.attache.processor.objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.attache.schemas.attachment.ObjectRef;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;

/** Deletes rejected payloads with the MinIO client's {@code removeObject} (a plain S3 DeleteObject). */
@ApplicationScoped
public class MinioObjectDiscarder implements ObjectDiscarder {

    private static final Logger LOG = Logger.getLogger(MinioObjectDiscarder.class);

    private final MinioClient client;
    private final String bucket;

    public MinioObjectDiscarder(MinioClient client, S3Config config) {
        this.client = client;
        this.bucket = config.bucket();
    }

    @Override
    public void discard(ObjectRef object) {
        if (!bucket.equals(object.bucket())) {
            // the command names the bucket; never let a command steer deletes outside the one we own
            LOG.warnf("Not deleting %s/%s: not in bucket %s", object.bucket(), object.key(), bucket);
            return;
        }
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(object.bucket()).object(object.key()).build());
        } catch (Exception e) {
            // left for the orphan sweep; failing here would stall the partition on an S3 outage
            LOG.warnf("Could not delete rejected object %s/%s (left for the orphan sweep): %s", object.bucket(),
                    object.key(), e.toString());
        }
    }
}
