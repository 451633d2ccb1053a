package org.imelab.agent.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.gateway.protocol.CheckinReason;
import org.imelab.gateway.protocol.CheckinReasonPayload;
import org.junit.jupiter.api.Test;

class PushNotificationsTest {
    private final PushNotifications n = new PushNotifications();

    private static CheckinReasonPayload note(String id) {
        return new CheckinReasonPayload(id, CheckinReasonPayload.WIN32_APP_WORKLOAD);
    }

    @Test
    void theLatestNotificationIsServedOnce() {
        assertTrue(n.offer(note("11111111-1111-1111-1111-111111111111")));
        assertTrue(n.offer(note("22222222-2222-2222-2222-222222222222")));
        assertEquals(Optional.of(note("22222222-2222-2222-2222-222222222222")), n.take());
        assertEquals(Optional.empty(), n.take());
    }

    @Test
    void aNotificationHeardTwiceIsDropped() {
        assertTrue(n.offer(note("11111111-1111-1111-1111-111111111111")));
        n.take();
        assertFalse(n.offer(note("11111111-1111-1111-1111-111111111111".toUpperCase())));
        assertEquals(Optional.empty(), n.take());
    }

    @Test
    void onlyRecentIdsAreRemembered() {
        for (int i = 0; i <= PushNotifications.REMEMBERED; i++) {
            assertTrue(n.offer(note("id-" + i)));
        }
        assertTrue(n.offer(note("id-0")), "the oldest id was forgotten");
        assertFalse(n.offer(note("id-" + PushNotifications.REMEMBERED)));
    }

    @Test
    void checkinReasonFollowsTheStrongestTrigger() {
        assertEquals(CheckinReason.NOTIFICATION, SideCarCheckin.reasonOf(EnumSet.of(CheckinTrigger.TIMER, CheckinTrigger.GATEWAY_PUSH)));
        assertEquals(CheckinReason.ON_DEMAND, SideCarCheckin.reasonOf(EnumSet.of(CheckinTrigger.SERVICE_START, CheckinTrigger.MONIKER_SYNCAPP)));
        assertEquals(CheckinReason.ON_DEMAND, SideCarCheckin.reasonOf(EnumSet.of(CheckinTrigger.CLI_SYNC)));
        assertEquals(CheckinReason.AGENT_RESTART, SideCarCheckin.reasonOf(EnumSet.of(CheckinTrigger.SERVICE_START, CheckinTrigger.TIMER)));
        assertEquals(CheckinReason.MAINTENANCE_TIMER, SideCarCheckin.reasonOf(EnumSet.of(CheckinTrigger.TIMER)));
        // imelab restart --simulate checks in as the service start after a boot does
        assertEquals(CheckinReason.AGENT_RESTART, SideCarCheckin.reasonOf(EnumSet.of(CheckinTrigger.DEVICE_RESTART,
                CheckinTrigger.CLI_SYNC)));
    }
}
