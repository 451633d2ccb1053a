package org.imelab.agent.cli.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import org.imelab.agent.testing.ImelabCli;
import org.imelab.agent.win32app.engine.AppCatalog;
import org.imelab.agent.win32app.engine.AvailableAppRequests;
import org.imelab.registry.Registry;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.ComplianceState;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.DesiredState;
import org.imelab.registry.ime.EnforcementState;
import org.imelab.registry.ime.EnforcementStateMessage;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.InstallContext;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.SubgraphHash;
import org.imelab.registry.ime.TargetType;
import org.imelab.registry.ime.TargetingMethod;
import org.imelab.registry.ime.Win32AppKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppsCommandTest {
    static final String ID = "c1000000-0000-4000-8000-000000000001";
    @TempDir
    Path home;
    final ImelabCli cli = new ImelabCli(() -> home);

    Registry open() {
        return new FileRegistry(home.resolve("registry"));
    }

    void failedApp() {
        try (Registry r = open()) {
            ImeRegistry ime = new ImeRegistry(r, ImeLayout.standard());
            Win32AppKey key = Win32AppKey.of(ID, 1);
            ime.win32Apps().write(Scope.DEVICE, key, ComplianceStateMessage.of(Applicability.Applicable,
                    ComplianceState.NotInstalled, DesiredState.Present, -2016345060,
                    TargetingMethod.EgatTargetedApplication, InstallContext.System, TargetType.Device),
                    new EnforcementStateMessage(EnforcementState.Error, -2016345060, TargetingMethod.EgatTargetedApplication),
                    Instant.parse("2026-11-22T08:00:00Z"));
            SubgraphHash hash = SubgraphHash.of(java.util.List.of(key));
            ime.grs().put(Scope.DEVICE, hash, ID, Instant.parse("2026-11-22T08:00:00Z"));
            new AppCatalog(r, ime.layout()).put(Scope.DEVICE, key, new AppCatalog.Entry("Lab App", 3, 480));
        }
    }

    @Test
    void listsEachAppDecodedAsJson() throws Exception {
        failedApp();
        assertEquals(0, cli.run("apps", "--json"), cli.err());
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertEquals(1, rows.size());
        JsonNode row = rows.get(0);
        assertEquals(ID, row.get("AppId").asText());
        assertEquals("Lab App", row.get("Name").asText());
        assertEquals("RequiredInstall", row.get("Intent").asText());
        assertEquals("Error (5000)", row.get("Enforcement").asText());
        assertEquals(-2016345060, row.get("ErrorCode").asInt());
        assertEquals("0x87D1041C", row.get("ErrorCodeHex").asText());
        assertEquals("11/22/2026 08:00:00", row.get("GrsTime").asText());
        assertTrue(row.get("GrsExpiry").asText().startsWith("11/23/2026 08:00:00"));
    }

    @Test
    void listsOneRowPerAppAndScopeWithTheScopesAccount() throws Exception {
        failedApp();
        String user = "1a2b3c4d-0000-4000-8000-00000000a11c";
        try (Registry r = open()) {
            ImeRegistry ime = new ImeRegistry(r, ImeLayout.standard());
            ime.win32Apps().writeCompliance(Scope.user(user), Win32AppKey.of(ID, 1), ComplianceStateMessage.of(
                    Applicability.Applicable, ComplianceState.Installed, DesiredState.Present, null,
                    TargetingMethod.EgatTargetedApplication, InstallContext.User, TargetType.User),
                    Instant.parse("2026-11-22T08:00:00Z"));
            new AppCatalog(r, ime.layout()).put(Scope.user(user), Win32AppKey.of(ID, 1),
                    new AppCatalog.Entry("Lab App", 3, 480));
            new org.imelab.registry.ime.LabUsersKey(r, ImeLayout.standard()).signIn("alice", user);
        }
        assertEquals(0, cli.run("apps", "--json"), cli.err());
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertEquals(2, rows.size());
        JsonNode device = rows.get(0).get("Scope").asText().equals("device") ? rows.get(0) : rows.get(1);
        JsonNode mine = device == rows.get(0) ? rows.get(1) : rows.get(0);
        assertEquals("Error (5000)", device.get("Enforcement").asText());
        assertTrue(device.get("Account").isNull());
        assertEquals(user, mine.get("Scope").asText());
        assertEquals("alice", mine.get("Account").asText());
        assertEquals("Installed (1)", mine.get("Compliance").asText());

        assertEquals(0, cli.run("apps"), cli.err());
        assertTrue(cli.out().contains(ID + "_1  Lab App  [device]"), cli.out());
        assertTrue(cli.out().contains(ID + "_1  Lab App  [user " + user + " (alice)]"), cli.out());
    }

    @Test
    void resetDeletesTheAppKeyAndItsGrsEntryWithoutARunningAgent() {
        failedApp();
        assertEquals(0, cli.run("apps", "reset", ID), cli.err());
        assertTrue(cli.out().contains("not running"), cli.out());
        try (Registry r = open()) {
            ImeRegistry ime = new ImeRegistry(r, ImeLayout.standard());
            assertTrue(ime.win32Apps().read(Scope.DEVICE, Win32AppKey.of(ID, 1)).isEmpty());
            assertTrue(ime.grs().find(Scope.DEVICE, ID).isEmpty());
        }
    }

    @Test
    void installRecordsTheRequestForTheNextCheckIn() {
        assertEquals(0, cli.run("apps", "install", ID), cli.err());
        try (Registry r = open()) {
            assertTrue(new AvailableAppRequests(r, ImeLayout.standard()).requested(Scope.DEVICE, ID).isPresent());
        }
        assertFalse(cli.out().isEmpty());
    }

    @Test
    void installForAUserRecordsTheRequestInTheUsersScope() {
        String user = "1a2b3c4d-0000-4000-8000-00000000a11c";
        assertEquals(0, cli.run("apps", "install", ID, "--user", user), cli.err());
        try (Registry r = open()) {
            AvailableAppRequests requests = new AvailableAppRequests(r, ImeLayout.standard());
            assertTrue(requests.requested(Scope.user(user), ID).isPresent());
            assertTrue(requests.requested(Scope.DEVICE, ID).isEmpty());
        }
        assertEquals(2, cli.run("apps", "install", ID, "--user", "alice"));
        assertTrue(cli.err().contains("must be a GUID"), cli.err());
    }

    @Test
    void installWithoutAUserGoesToTheOneScopeThatHasTheApp() {
        Scope user = Scope.user("1a2b3c4d-0000-4000-8000-00000000a11c");
        try (Registry r = open()) {
            new ImeRegistry(r, ImeLayout.standard()).win32Apps().write(user, Win32AppKey.of(ID, 1),
                    ComplianceStateMessage.of(Applicability.Applicable, ComplianceState.NotInstalled,
                            DesiredState.Available, 0, TargetingMethod.EgatTargetedApplication, InstallContext.User,
                            TargetType.User),
                    new EnforcementStateMessage(EnforcementState.NotAttempted, 0,
                            TargetingMethod.EgatTargetedApplication),
                    Instant.parse("2026-11-22T08:00:00Z"));
        }
        assertEquals(0, cli.run("apps", "install", ID), cli.err());
        assertTrue(cli.out().contains("for user " + user), cli.out());
        try (Registry r = open()) {
            AvailableAppRequests requests = new AvailableAppRequests(r, ImeLayout.standard());
            assertTrue(requests.requested(user, ID).isPresent());
            assertTrue(requests.requested(Scope.DEVICE, ID).isEmpty());
        }
    }
}
