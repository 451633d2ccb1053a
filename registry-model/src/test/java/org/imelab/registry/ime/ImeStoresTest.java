package org.imelab.registry.ime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.Test;

/** The smaller stores: inventory, settings, logging, scripts, SideCarPolicies, reporting, lab state. */
class ImeStoresTest {
    static final Instant NOW = Instant.parse("2026-02-02T02:02:02Z");
    static final Scope USER = Scope.user("e297c863-88ff-465c-a24c-8c124a3b35d3");
    static final String IME = "HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\";

    final MemoryRegistry registry = new MemoryRegistry();
    final ImeRegistry ime = new ImeRegistry(registry);

    @Test
    void inventoryKeepsTheLastResultAndItsTimes() {
        InventoryStore inv = ime.inventory();
        assertFalse(inv.firstTimeSwitch());
        InventoryEntry self = InventoryEntry.of("e1", "Microsoft Intune Management Extension", "1.93.102.0", "Microsoft Corporation");
        InventoryEntry sevenZip = new InventoryEntry("e2", "7-Zip 25.01 (x64)", "25.01", "Igor Pavlov", "1033",
                "7-Zip", null, null, "20260115");
        inv.recordFullSync(List.of(self, sevenZip), NOW);

        assertTrue(inv.firstTimeSwitch());
        assertEquals(Optional.of(NOW), inv.lastFullSyncTimeUtc());
        assertEquals(Optional.empty(), inv.lastDeltaSyncTimeUtc());
        assertEquals(List.of(self, sevenZip), inv.entries());
        assertEquals(Optional.of(RegValue.sz("1.93.102.0")),
                registry.get(RegPath.parse(IME + "Inventories\\e1"), "Version"));
        assertEquals(Optional.of("1.93.102.0"), inv.byName("microsoft intune management extension").map(InventoryEntry::version));

        inv.recordDeltaSync(List.of(self), NOW.plusSeconds(86_400));
        assertEquals(List.of(self), inv.entries());
        assertEquals(Optional.of(NOW.plusSeconds(86_400)), inv.lastDeltaSyncTimeUtc());
        assertEquals(Optional.of(NOW), inv.lastFullSyncTimeUtc());

        // the admin's reset: deleting FirstTimeSwitch forces a full inventory
        assertTrue(registry.deleteValue(RegPath.parse(IME + "InventorySetting"), "FirstTimeSwitch"));
        assertFalse(inv.firstTimeSwitch());

        // a duplicate id is refused before anything changes
        assertThrows(IllegalArgumentException.class,
                () -> inv.recordDeltaSync(List.of(self, InventoryEntry.of("E1", "x", "1", "y")), NOW));
        assertEquals(List.of(self), inv.entries());
    }

    @Test
    void aCommitWritesOnlyWhatChanged() {
        InventoryStore inv = ime.inventory();
        InventoryEntry a = InventoryEntry.of("a", "A", "1", "P");
        InventoryEntry b = new InventoryEntry("b", "B", "1", "P", "1033", "B", "{PC}", null, "20250101");
        InventoryEntry c = InventoryEntry.of("c", "C", "1", "P");
        inv.commit(List.of(a, b, c), List.of(), NOW, true);
        assertEquals(List.of(a, b, c), inv.entries());
        assertTrue(inv.firstTimeSwitch());

        // a sentinel in an untouched entry proves the delta left it alone
        registry.put(ime.layout().inventory("a"), "Sentinel", RegValue.dword(1));
        InventoryEntry b2 = InventoryEntry.of("b", "B", "2", "P");
        inv.commit(List.of(b2), List.of("c"), NOW.plusSeconds(86_400), false);

        assertEquals(List.of(a, b2), inv.entries());
        assertEquals(Optional.of(RegValue.dword(1)), registry.get(ime.layout().inventory("a"), "Sentinel"));
        assertEquals(Optional.empty(), registry.get(ime.layout().inventory("b"), "MsiProductCode")); // no stale value
        assertEquals(Optional.of(NOW), inv.lastFullSyncTimeUtc());
        assertEquals(Optional.of(NOW.plusSeconds(86_400)), inv.lastDeltaSyncTimeUtc());
        assertThrows(IllegalArgumentException.class, () -> inv.commit(List.of(a), List.of("A"), NOW, false));
        assertEquals(List.of(a, b2), inv.entries());
    }

    @Test
    void checkinIntervalOverride() {
        ImeSettingsStore s = ime.settings();
        assertEquals(Optional.empty(), s.checkinInterval());
        registry.put(RegPath.parse(IME + "Settings"), "Interval", RegValue.sz("1800"));
        assertEquals(Optional.of(Duration.ofMinutes(30)), s.checkinInterval());
        registry.put(RegPath.parse(IME + "Settings"), "Interval", RegValue.sz("soon"));
        assertEquals(Optional.empty(), s.checkinInterval());
        registry.put(RegPath.parse(IME + "Settings"), "Interval", RegValue.dword(0));
        assertEquals(Optional.empty(), s.checkinInterval());
        s.putCheckinInterval(Duration.ofSeconds(600));
        assertEquals(Optional.of(RegValue.dword(600)), registry.get(RegPath.parse(IME + "Settings"), "Interval"));
        assertTrue(s.clearCheckinInterval());
    }

    @Test
    void logLimitsDefaultAndTolerateStrings() {
        AgentLoggingStore logging = ime.logging();
        assertEquals(new LogLimits(2_097_152, 3), logging.read());
        RegPath key = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneWindowsAgent\\Logging");
        registry.put(key, "LogMaxSize", RegValue.sz("4194304"));
        registry.put(key, "LogMaxHistory", RegValue.sz("many"));
        assertEquals(new LogLimits(4_194_304, 3), logging.read());
        logging.write(new LogLimits(1_048_576, 5));
        assertEquals(Map.of("LogMaxSize", RegValue.dword(1_048_576), "LogMaxHistory", RegValue.dword(5)), registry.values(key));
        assertEquals(new LogLimits(1_048_576, 5), logging.read());
    }

    @Test
    void scriptPolicies() {
        ScriptPolicyStore p = ime.scriptPolicies();
        String policy = "1f2e3d4c-0000-4000-8000-00000000abcd";
        p.write(Scope.DEVICE, policy, new ScriptPolicyResult("Success", 0, null, 1));
        RegPath key = RegPath.parse(IME + "Policies\\00000000-0000-0000-0000-000000000000\\" + policy);
        assertEquals(Map.of("Result", RegValue.sz("Success"), "ErrorCode", RegValue.dword(0), "DownloadCount", RegValue.dword(1)),
                registry.values(key));
        p.write(Scope.DEVICE, policy, new ScriptPolicyResult("Failed", 99, "boom", 2));
        assertEquals(Optional.of(new ScriptPolicyResult("Failed", 99, "boom", 2)), p.read(Scope.DEVICE, policy));
        registry.createKey(key.parent().child("not-a-policy"));
        assertEquals(List.of(policy), p.policyIds(Scope.DEVICE));
        assertEquals(List.of(Scope.DEVICE), p.users());
        assertTrue(p.delete(Scope.DEVICE, policy));
        assertEquals(Optional.empty(), p.read(Scope.DEVICE, policy));
    }

    @Test
    void sideCarPolicies() {
        SideCarPoliciesStore s = ime.sideCarPolicies();
        PolicyKey rem = new PolicyKey("0b7d6a39-2a0b-4c10-b3a5-0f8f3e1a2b3c", 1);
        s.putLastExecution(USER, rem, NOW);
        assertEquals(Optional.of(RegValue.sz("02/02/2026 02:02:02")), registry.get(RegPath.parse(IME
                + "SideCarPolicies\\Scripts\\Execution\\" + USER.id() + "\\" + rem.keyName()), "LastExecution"));
        assertEquals(List.of(rem), s.executions(USER));
        s.putResultJson(USER, rem, "{\"ErrorCode\":0}");
        assertEquals(Optional.of("{\"ErrorCode\":0}"), s.resultJson(USER, rem));
        assertTrue(registry.exists(RegPath.parse(IME + "SideCarPolicies\\Scripts\\Reports\\" + USER.id() + "\\"
                + rem.keyName() + "\\Result")));
        s.putLastFullReportTimeUtc(USER, NOW);
        assertEquals(Optional.of(NOW), s.lastFullReportTimeUtc(USER));
        s.putStatusServiceReport(USER, "6e0911dd-6755-4eb7-8a75-ba02e685232b", "Installed");
        assertEquals(Optional.of("Installed"), s.statusServiceReport(USER, "6e0911dd-6755-4eb7-8a75-ba02e685232b"));
        assertTrue(s.deleteExecution(USER, rem));
        assertEquals(List.of(), s.executions(USER));
    }

    @Test
    void reportCacheAndLabState() {
        String app = "6e0911dd-6755-4eb7-8a75-ba02e685232b";
        SubgraphHash h = SubgraphHash.of(List.of(Win32AppKey.of(app, 1)));
        ime.reporting().putLastHashValue(USER, app, h);
        assertEquals(Optional.of(RegValue.sz(h.value())), registry.get(RegPath.parse(IME + "Win32Apps\\Reporting\\"
                + USER.id() + "\\" + app + "\\ReportCache\\" + USER.id()), "LastHashValue"));
        assertEquals(Optional.of(h), ime.reporting().lastHashValue(USER, app));
        ime.reporting().putLastFullResultReportTimeUtc(NOW);
        assertEquals(Optional.of(NOW), ime.reporting().lastFullResultReportTimeUtc());

        ime.reevaluation().put(USER, h, NOW);
        assertEquals(Optional.of(NOW), ime.reevaluation().lastReevaluation(USER, h));
        assertEquals(Map.of(h, NOW), ime.reevaluation().all(USER));
        assertTrue(ime.reevaluation().remove(USER, h));

        Win32AppKey key = Win32AppKey.of(app, 1);
        ime.retries().write(USER, key, new RetryState(1, NOW));
        assertEquals(Optional.of(new RetryState(1, NOW)), ime.retries().read(USER, key));
        assertTrue(ime.retries().clear(USER, key));
        // imelab's own state never appears under the IME's key
        assertFalse(registry.exists(RegPath.parse(IME + "Win32Apps\\" + USER.id())));
        assertTrue(registry.exists(RegPath.parse("HKLM\\SOFTWARE\\imelab\\Win32Apps\\" + USER.id())));
    }

    @Test
    void aSandboxLayoutKeepsEverythingTogether() {
        ImeLayout sandbox = ImeLayout.at(RegPath.parse("HKCU\\Software\\lab1\\IntuneManagementExtension"));
        assertEquals(RegPath.parse("HKCU\\Software\\lab1\\IntuneWindowsAgent\\Logging"), sandbox.logging());
        assertEquals(RegPath.parse("HKCU\\Software\\lab1\\imelab"), sandbox.labRoot());
        assertEquals(ImeLayout.standard(), ImeLayout.at(ImeLayout.DEFAULT_ROOT));
        new Win32AppStore(registry, sandbox).touch(Scope.DEVICE, Win32AppKey.of("6e0911dd-6755-4eb7-8a75-ba02e685232b", 1), NOW);
        assertEquals(List.of("lab1"), registry.subKeys(RegPath.parse("HKCU\\Software")));
        assertEquals(List.of(), registry.subKeys(RegPath.parse("HKLM\\SOFTWARE")));
    }
}
