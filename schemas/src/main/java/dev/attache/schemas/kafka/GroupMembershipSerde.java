package dev.attache.schemas.kafka;

import dev.attache.schemas.event.GroupMembership;

/** {@link JsonSerde} of {@link GroupMembership} with a no-argument constructor, for clients configured by class name. */
public final class GroupMembershipSerde extends JsonSerde<GroupMembership> {

    public GroupMembershipSerde() {
        super(GroupMembership.class);
    }
}
