package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

class Win32AppStoreTest {
    static final Scope USER = Scope.user("e297c863-88ff-465c-a24c-8c124a3b35d3");
    static final Win32AppKey APP = Win32AppKey.of("6e0911dd-6755-4eb7-8a75-ba02e685232b", 1);
    static final Instant NOW = Instant.parse("2026-01-15T09:05:07.654Z");

    final MemoryRegistry registry = new MemoryRegistry();
    final Win32AppStore store = new Win32AppStore(registry, ImeLayout.standard());

    @Test
    void theRealValueLandsAtTheRealPathAndReadsBackUnchanged() throws Exception {
        String real = StateMessagesTest.realComplianceStateMessage();
        store.writeCompliance(USER, APP, ComplianceStateMessage.parse(real), NOW);

        RegPath key = RegPath.parse("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\Win32Apps\\"
                + "e297c863-88ff-465c-a24c-8c124a3b35d3\\6e0911dd-6755-4eb7-8a75-ba02e685232b_1\\ComplianceStateMessage");
        assertEquals(Optional.of(RegValue.sz(real)), registry.get(key, "ComplianceStateMessage"));
        assertEquals(Optional.of(RegValue.sz("01/15/2026 09:05:07")), registry.get(key.parent(), "LastUpdatedTimeUtc"));
    }

    @Test
    void writesAndReadsARecord() {
        ComplianceStateMessage c = ComplianceStateMessage.of(Applicability.Applicable, ComplianceState.NotInstalled,
                DesiredState.Present, null, TargetingMethod.EgatTargetedApplication, InstallContext.System, TargetType.Device);
        EnforcementStateMessage e = new EnforcementStateMessage(EnforcementState.Error, -2016345060,
                TargetingMethod.EgatTargetedApplication);
        store.write(USER, APP, c, e, NOW);

        Win32AppRecord r = store.read(USER, APP).orElseThrow();
        assertEquals(Optional.of(Instant.parse("2026-01-15T09:05:07Z")), r.lastUpdatedTimeUtc());
        assertEquals(Optional.of(c), r.compliance());
        assertEquals(Optional.of(e), r.enforcement());
        assertEquals(List.of(USER), store.scopes());
        assertEquals(List.of(APP), store.apps(USER));

        // a later pass where the app is no longer enforced drops the EnforcementStateMessage key
        store.write(USER, APP, c, null, NOW.plusSeconds(60));
        assertEquals(Optional.empty(), store.enforcement(USER, APP));
        assertFalse(registry.exists(ImeLayout.standard().enforcementStateMessage(USER, APP)));
        assertEquals(Optional.of(Instant.parse("2026-01-15T09:06:07Z")), store.lastUpdatedTimeUtc(USER, APP));
    }

    @Test
    void readersSkipWhatDevicesAndScriptsLeaveBehind() {
        ImeLayout layout = ImeLayout.standard();
        RegPath apps = layout.win32Apps();
        registry.createKey(apps.child("Reporting", USER.id()));
        registry.createKey(apps.child("OperationalState", USER.id()));
        registry.createKey(apps.child("S-1-5-21-1111111111-2222222222-3333333333-1001"));
        registry.createKey(apps.child("_ActiveUsers"));
        registry.createKey(layout.grs(USER).child("2BKBFKBaevJ8qnbQsLVnCKDoI1ZjfmU5sTdZPc/QtWE="));
        registry.createKey(layout.scope(USER).child("not-an-app_1"));
        registry.createKey(layout.scope(USER).child("6e0911dd-6755-4eb7-8a75-ba02e685232b_x"));
        registry.createKey(layout.scope(USER).child("6e0911dd-6755-4eb7-8a75-ba02e685232b"));
        // a hand-edited app key: garbage in both messages and in the time
        registry.put(layout.app(USER, APP), "LastUpdatedTimeUtc", RegValue.sz("yesterday"));
        registry.put(layout.complianceStateMessage(USER, APP), "ComplianceStateMessage", RegValue.sz("{broken"));
        registry.put(layout.enforcementStateMessage(USER, APP), "EnforcementStateMessage", RegValue.dword(5));
        // the same app's second revision, written in upper case by a script
        registry.createKey(layout.scope(USER).child("6E0911DD-6755-4EB7-8A75-BA02E685232B_2"));

        assertEquals(List.of(USER), store.scopes());
        Win32AppKey second = Win32AppKey.of(APP.appId(), 2);
        assertEquals(List.of(APP, second), store.apps(USER));
        assertEquals(Optional.of(second), store.latest(USER, APP.appId()));
        Win32AppRecord r = store.read(USER, APP).orElseThrow();
        assertEquals(new Win32AppRecord(USER, APP, Optional.empty(), Optional.empty(), Optional.empty()), r);
        assertEquals(2, store.readAll(USER).size());
    }

    @Test
    void absentKeysReadAsEmpty() {
        assertEquals(List.of(), store.scopes());
        assertEquals(List.of(), store.apps(Scope.DEVICE));
        assertEquals(Optional.empty(), store.read(Scope.DEVICE, APP));
        assertEquals(Optional.empty(), store.latest(Scope.DEVICE, APP.appId()));
        assertFalse(store.delete(Scope.DEVICE, APP));
        assertEquals(List.of(), store.deleteAllVersions(Scope.DEVICE, APP.appId()));
    }

    @Test
    void deletesOneOrAllVersions() {
        Win32AppKey v2 = Win32AppKey.of(APP.appId(), 2);
        Win32AppKey other = Win32AppKey.of("471f61b1-58ad-431b-bd4d-386d3c953773", 1);
        store.touch(Scope.DEVICE, APP, NOW);
        store.touch(Scope.DEVICE, v2, NOW);
        store.touch(Scope.DEVICE, other, NOW);

        assertTrue(store.delete(Scope.DEVICE, APP));
        assertEquals(List.of(other, v2), store.apps(Scope.DEVICE));
        assertEquals(List.of(v2), store.deleteAllVersions(Scope.DEVICE, APP.appId()));
        assertEquals(List.of(other), store.apps(Scope.DEVICE));
    }

    @Test
    void keysAndScopesAreGuids() {
        assertEquals("6e0911dd-6755-4eb7-8a75-ba02e685232b_12", Win32AppKey.parse("6E0911DD-6755-4EB7-8A75-BA02E685232B_12")
                .orElseThrow().keyName());
        assertTrue(Win32AppKey.parse("GRS").isEmpty());
        assertTrue(Scope.parse("Reporting").isEmpty());
        assertTrue(Scope.DEVICE.isDevice());
        assertThrows(IllegalArgumentException.class, () -> Win32AppKey.of("app1", 1));
        assertThrows(IllegalArgumentException.class, () -> Win32AppKey.of(APP.appId(), -1));
        assertThrows(IllegalArgumentException.class, () -> Scope.user("S-1-5-18"));
    }
}
