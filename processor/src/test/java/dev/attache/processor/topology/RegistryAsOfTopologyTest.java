package dev.attache.processor.topology;

import static dev.attache.processor.Commands.ADELE;
import static dev.attache.processor.Commands.DENIED;
import static dev.attache.processor.Commands.EVENT;
import static dev.attache.processor.Commands.GROUP;
import static dev.attache.processor.Commands.MENU;
import static dev.attache.processor.Commands.OTHER_UPN;
import static dev.attache.processor.Commands.OTHER_USER;
import static dev.attache.processor.Commands.SHARED_WRITER;
import static dev.attache.processor.Commands.TENANT;
import static dev.attache.processor.Commands.UPN;
import static dev.attache.processor.Commands.USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.attache.processor.Commands;
import dev.attache.schemas.attachment.AttachmentReply;
import dev.attache.schemas.attachment.Principal;
import dev.attache.schemas.event.CalendarShare;
import dev.attache.schemas.event.DirectoryEntry;
import dev.attache.schemas.event.EventOwner;
import dev.attache.schemas.event.GroupMembership;

/**
 * A command is decided with the registry as of its own log-append time, not as of when it happens to be processed:
 * what makes a replay of the log, which reads every registry change first, decide as the live processor did.
 */
class RegistryAsOfTopologyTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path stateDir;

    TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness(stateDir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    AttachmentReply add(int n, Principal principal, Instant at, String ownerKind, String owner, String container,
            String calendarId) {
        h.send(Commands.file("menu.txt", MENU).id(Commands.attachmentId(n)).principal(principal)
                .route(ownerKind, owner, container, null, calendarId).build(), TopologyHarness.request(), at);
        return h.reply();
    }

    @Test
    void aShareCountsFromItsGrantUntilItsRevocationWhicheverWasProcessedFirst() {
        h.publish(Commands.event(TENANT, EVENT, ADELE, null, "C1"));
        h.name(new DirectoryEntry(1, TENANT, OTHER_UPN, OTHER_USER));
        CalendarShare share = new CalendarShare(1, TENANT, OTHER_USER, "C1", USER, CalendarShare.WRITE);
        Instant granted = T0.plusSeconds(10);
        Instant revoked = T0.plusSeconds(20);

        h.share(share, granted);
        AttachmentReply beforeTheGrant = add(1, SHARED_WRITER, granted.minusMillis(1), "user", OTHER_UPN,
                "calendars", "C1");
        AttachmentReply whileShared = add(2, SHARED_WRITER, granted.plusSeconds(1), "user", OTHER_UPN,
                "calendars", "C1");
        h.unshare(share, revoked);
        AttachmentReply lateButInForce = add(3, SHARED_WRITER, revoked.minusMillis(1), "user", OTHER_UPN,
                "calendars", "C1");
        AttachmentReply afterTheRevocation = add(4, SHARED_WRITER, revoked, "user", OTHER_UPN, "calendars", "C1");

        assertThat(beforeTheGrant.error()).isEqualTo(DENIED);
        assertThat(whileShared.isCreated()).isTrue();
        assertThat(lateButInForce.isCreated()).as("processed after the revocation, appended before it").isTrue();
        assertThat(afterTheRevocation.error()).isEqualTo(DENIED);
        assertThat(h.registry().share(TENANT, OTHER_USER, "C1", USER)).as("today's registry").isNull();
        assertThat(h.registry().at(granted.toEpochMilli()).share(TENANT, OTHER_USER, "C1", USER)).isEqualTo(share);
    }

    @Test
    void aMembershipCountsUntilItEnds() {
        h.publish(Commands.event(TENANT, EVENT, new EventOwner(EventOwner.GROUP, GROUP, null), null, null));
        GroupMembership membership = new GroupMembership(1, TENANT, GROUP, USER);
        Principal member = new Principal(Principal.DELEGATED, USER, UPN,
                List.of("Calendars.ReadWrite", "Group.ReadWrite.All"), List.of());
        Instant removed = T0.plusSeconds(30);

        h.member(membership);
        h.unmember(membership, removed);
        AttachmentReply stillMember = add(1, member, removed.minusSeconds(1), "group", GROUP, "calendar", null);
        AttachmentReply former = add(2, member, removed.plusSeconds(1), "group", GROUP, "calendar", null);

        assertThat(stillMember.isCreated()).isTrue();
        assertThat(former.error()).isIn(DENIED, Commands.NOT_FOUND);
    }
}
