package dev.attache.local.kafka;

import dev.attache.schemas.kafka.KafkaAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * Makes the broker's users and ACLs what {@link KafkaAccess} and {@link KafkaCredentials} say, on every start: the
 * SCRAM credentials are upserted (a rotated password takes effect), missing ACLs are created and ACLs of the apps'
 * principals that the list no longer has are deleted. Runs as the admin on the internal listener.
 */
public final class AccessProvisioner {

    private static final long TIMEOUT_SECONDS = 30;
    private static final int ITERATIONS = 8192;

    private final Map<String, Object> adminConfig;

    public AccessProvisioner(Map<String, Object> adminConfig) {
        this.adminConfig = adminConfig;
    }

    public void provision(KafkaCredentials credentials, List<KafkaAccess> apps) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String user : KafkaCredentials.users()) {
                users.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), credentials.password(user)));
            }
            get(admin.alterUserScramCredentials(new ArrayList<>(users)).all());
            awaitCredentials(admin, KafkaCredentials.users());
            syncAcls(admin, apps);
        }
    }

    /** The upsert is applied by the controller asynchronously; a client logging in before would be refused. */
    private static void awaitCredentials(Admin admin, List<String> users) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(TIMEOUT_SECONDS).toNanos();
        while (true) {
            Set<String> known = get(admin.describeUserScramCredentials(users).all()).keySet();
            if (known.containsAll(users)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("SCRAM credentials not visible after " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50); // polling the broker's metadata for the condition, bounded by the deadline
        }
    }

    private static void syncAcls(Admin admin, List<KafkaAccess> apps) throws Exception {
        Set<AclBinding> wanted = new HashSet<>();
        for (KafkaAccess app : apps) {
            wanted.addAll(bindings(app));
        }
        List<AclBindingFilter> stale = new ArrayList<>();
        for (KafkaAccess app : apps) {
            AclBindingFilter ofUser = new AclBindingFilter(ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter("User:" + app.user(), null, AclOperation.ANY, AclPermissionType.ANY));
            for (AclBinding existing : get(admin.describeAcls(ofUser).values())) {
                if (!wanted.remove(existing)) {
                    stale.add(existing.toFilter());
                }
            }
        }
        if (!stale.isEmpty()) {
            get(admin.deleteAcls(stale).all());
        }
        if (!wanted.isEmpty()) {
            get(admin.createAcls(wanted).all());
        }
    }

    /** The ACL bindings of one app: each operation of each grant, allowed from any host. */
    static List<AclBinding> bindings(KafkaAccess app) {
        List<AclBinding> bindings = new ArrayList<>();
        for (KafkaAccess.Grant grant : app.grants()) {
            for (AclOperation operation : grant.operations()) {
                bindings.add(new AclBinding(new ResourcePattern(grant.type(), grant.name(), grant.pattern()),
                        new AccessControlEntry("User:" + app.user(), "*", operation, AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static <T> T get(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
