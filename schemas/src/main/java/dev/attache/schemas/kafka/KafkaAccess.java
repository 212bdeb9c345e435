package dev.attache.schemas.kafka;

import java.util.List;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on Kafka: one principal per app, each with the least it needs. The one list both deployments
 * carry: the embedded stack creates these ACLs (SCRAM users of these names), and the Kubernetes {@code KafkaUser}
 * manifests ({@code deploy/k8s/components/strimzi-users}) are checked against it by a test. Anything not granted
 * here is denied ({@code allow.everyone.if.no.acl.found=false}); the admin principal is a super user, for
 * provisioning and tools only.
 *
 * @param user the SCRAM user name; the principal is {@code User:<user>}
 * @param grants what it is allowed, nothing else
 */
public record KafkaAccess(String user, List<Grant> grants) {

    /** The ingest-api instances: append commands, read every reply (assigned partitions, no group). */
    public static final String INGEST_API = "attache-ingest-api";
    /** The processor instances: the Kafka Streams application and the consumers beside it. */
    public static final String PROCESSOR = "attache-processor";
    /**
     * {@code attache audit}: reads every topic the audit compares, and runs its replay under its own prefix (shadow
     * topics, group and transactional ids), which it creates and deletes. It writes to no live topic.
     */
    public static final String AUDITOR = "attache-auditor";
    /** The prefix of a replay's application id: its shadow topics, consumer group and transactional ids. */
    public static final String AUDIT_PREFIX = "attache-audit-";
    /** The super user: the stack's own provisioning and operators' tools. Never an app. */
    public static final String ADMIN = "attache-admin";

    /** The prefix of the processor's consumer groups, transactional ids and internal topics (its application id). */
    public static final String PROCESSOR_PREFIX = "attache-processor";

    /**
     * One ACL: {@code operations} allowed on the resource {@code type}/{@code name} ({@code pattern}: the name
     * literally, or as a prefix). READ, WRITE, CREATE and DELETE imply DESCRIBE.
     */
    public record Grant(ResourceType type, String name, PatternType pattern, List<AclOperation> operations) {

        static Grant topic(String name, AclOperation... operations) {
            return new Grant(ResourceType.TOPIC, name, PatternType.LITERAL, List.of(operations));
        }
    }

    /** The apps' principals and their grants, and the auditor's. */
    public static List<KafkaAccess> apps() {
        return List.of(
                new KafkaAccess(INGEST_API, List.of(
                        // an idempotent producer needs WRITE on a topic, no cluster ACL (KIP-679)
                        Grant.topic(Topics.ATTACHMENT_COMMANDS, AclOperation.WRITE),
                        Grant.topic(Topics.ATTACHMENT_REPLIES, AclOperation.READ))),
                new KafkaAccess(PROCESSOR, List.of(
                        Grant.topic(Topics.ATTACHMENT_COMMANDS, AclOperation.READ),
                        Grant.topic(Topics.CALENDAR_EVENTS, AclOperation.READ, AclOperation.WRITE),
                        Grant.topic(Topics.CALENDAR_SHARES, AclOperation.READ),
                        Grant.topic(Topics.GROUP_MEMBERSHIPS, AclOperation.READ),
                        Grant.topic(Topics.USER_DIRECTORY, AclOperation.READ),
                        // the sweep reads the records back to tell live objects from orphans
                        Grant.topic(Topics.ATTACHMENTS, AclOperation.READ, AclOperation.WRITE),
                        Grant.topic(Topics.UPLOAD_SESSIONS, AclOperation.READ, AclOperation.WRITE),
                        Grant.topic(Topics.ATTACHMENT_REPLIES, AclOperation.WRITE),
                        // append-only: the processor writes the trail and signs its checkpoints, never reads them
                        Grant.topic(Topics.ATTACHMENT_AUDIT, AclOperation.WRITE),
                        Grant.topic(Topics.AUDIT_CHECKPOINTS, AclOperation.WRITE),
                        // written in its transactions, read back by its deleter once they committed
                        Grant.topic(Topics.OBJECT_DELETIONS, AclOperation.READ, AclOperation.WRITE),
                        // changelog topics of its stores, created by Kafka Streams
                        new Grant(ResourceType.TOPIC, PROCESSOR_PREFIX + "-", PatternType.PREFIXED,
                                List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE,
                                        AclOperation.DELETE)),
                        new Grant(ResourceType.GROUP, PROCESSOR_PREFIX, PatternType.PREFIXED,
                                List.of(AclOperation.READ)),
                        // exactly-once: <application.id>-<process id>-<thread>
                        new Grant(ResourceType.TRANSACTIONAL_ID, PROCESSOR_PREFIX + "-", PatternType.PREFIXED,
                                List.of(AclOperation.WRITE)))),
                new KafkaAccess(AUDITOR, List.of(
                        Grant.topic(Topics.ATTACHMENT_COMMANDS, AclOperation.READ),
                        Grant.topic(Topics.CALENDAR_EVENTS, AclOperation.READ),
                        Grant.topic(Topics.CALENDAR_SHARES, AclOperation.READ),
                        Grant.topic(Topics.GROUP_MEMBERSHIPS, AclOperation.READ),
                        Grant.topic(Topics.USER_DIRECTORY, AclOperation.READ),
                        Grant.topic(Topics.ATTACHMENTS, AclOperation.READ),
                        Grant.topic(Topics.ATTACHMENT_REPLIES, AclOperation.READ),
                        Grant.topic(Topics.ATTACHMENT_AUDIT, AclOperation.READ),
                        Grant.topic(Topics.AUDIT_CHECKPOINTS, AclOperation.READ),
                        // the processor's state, as its store's changelog holds it, and how far it has committed
                        Grant.topic(PROCESSOR_PREFIX + "-attachments-store-changelog", AclOperation.READ),
                        new Grant(ResourceType.GROUP, PROCESSOR_PREFIX, PatternType.LITERAL,
                                List.of(AclOperation.DESCRIBE)),
                        new Grant(ResourceType.TOPIC, AUDIT_PREFIX, PatternType.PREFIXED,
                                List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE,
                                        AclOperation.DELETE)),
                        new Grant(ResourceType.GROUP, AUDIT_PREFIX, PatternType.PREFIXED,
                                List.of(AclOperation.READ, AclOperation.DELETE)),
                        new Grant(ResourceType.TRANSACTIONAL_ID, AUDIT_PREFIX, PatternType.PREFIXED,
                                List.of(AclOperation.WRITE)))));
    }
}
