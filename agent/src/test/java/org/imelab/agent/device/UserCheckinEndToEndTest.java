package org.imelab.agent.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.imelab.agent.DataHome;
import org.imelab.agent.enroll.LabEnrollment;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.testing.LogCapture;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.agent.win32app.content.DownloadProgress;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.ComplianceState;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.EnforcementState;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.InstallContext;
import org.imelab.registry.ime.LabUsersKey;
import org.imelab.registry.ime.RetryState;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.Win32AppKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User check-ins as the daemon composes them ({@link DeviceStack}), over HTTPS against the lab
 * gateway, with a manual clock: after the userless check-in, each logged-on account signed in as
 * an Entra user checks in with the user's token and gets the user's apps, processed in
 * {@code Win32Apps\{userObjectId}}. The operating system's session list is the one fake (a
 * boundary): it names the account running this test, so installers may run as it.
 */
class UserCheckinEndToEndTest {
    private static final String OID = "1a2b3c4d-0000-4000-8000-00000000a11c";
    private static final String GROUP = "9a000000-0000-4000-8000-000000000001";
    /** User-context, assigned to the user. */
    private static final String USER_APP = "5a3b1e00-0000-4000-8000-0000000000a1";
    /** User-context, assigned to all devices: 1011/5 in the userless check-in, installed in the user's. */
    private static final String USER_CONTEXT_DEVICE_APP = "5a3b1e00-0000-4000-8000-0000000000a2";
    /** System-context, assigned to all devices: the device's alone. */
    private static final String DEVICE_APP = "5a3b1e00-0000-4000-8000-0000000000a3";
    /** User-context, assigned to the user, its installer always asks for a retry (1618). */
    private static final String USER_RETRY_APP = "5a3b1e00-0000-4000-8000-0000000000a4";
    private static final String ACCOUNT = System.getProperty("user.name");

    @TempDir
    Path dir;

    private DataHome home;
    private EmbeddedLab lab;
    private FileRegistry registry;
    private ManualScheduler scheduler;
    private DeviceStack device;
    private LabEnrollment.Enrolled enrolled;
    private LogCapture appWorkload;
    private LogCapture imeLog;
    private final List<UserSession> loggedOn = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        home = new DataHome(dir.resolve("home"));
        Path labFile = writeLab(dir.resolve("lab"));
        lab = EmbeddedLab.start(home, labFile);
        registry = new FileRegistry(home.registryDir());
        // The lab issues the device certificate on the real clock (valid from five minutes ago): the
        // manual clock starts now, or the certificate would not yet be valid at the first check.
        scheduler = new ManualScheduler(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        enrolled = lab.enroll(home, registry, ImeLayout.standard(), "USER-PC1", scheduler.now());
        device = new DeviceStack(home, registry, ImeLayout.standard(), scheduler, lab.gateway().sideCarUrl(),
                lab.trust(), "USER-PC1", DownloadProgress.NONE,
                new HostMachine(() -> List.copyOf(loggedOn), HostMachine.NEVER_RESTART));
        appWorkload = new LogCapture("ime.AppWorkload");
        imeLog = LogCapture.ime();
        loggedOn.add(new UserSession(1, ACCOUNT, null));
    }

    @AfterEach
    void stop() {
        appWorkload.close();
        imeLog.close();
        device.close();
        lab.close();
        registry.close();
    }

    private CheckinOutcome checkIn() throws Exception {
        return device.checkinHandler().checkIn(new CheckinRequest(1, Set.of(CheckinTrigger.CLI_SYNC), scheduler.now()));
    }

    private ImeRegistry ime() {
        return new ImeRegistry(registry, ImeLayout.standard());
    }

    private ComplianceStateMessage compliance(Scope scope, String app) {
        return ime().win32Apps().compliance(scope, Win32AppKey.of(app, 1)).orElseThrow(() ->
                new AssertionError("no state for " + app + " in " + scope));
    }

    private boolean hasState(Scope scope, String app) {
        return ime().win32Apps().read(scope, Win32AppKey.of(app, 1)).isPresent();
    }

    @Test
    void aSignedInUsersAppsInstallInTheUsersCheckinUnderTheUsersScope() throws Exception {
        new LabUsersKey(registry, ImeLayout.standard()).signIn(ACCOUNT, OID);
        Scope user = Scope.user(OID);

        CheckinOutcome outcome = checkIn();
        assertTrue(outcome.summary().contains("user " + ACCOUNT + ": "), outcome.summary());

        assertEquals(1, imeLog.count("Userless session, skip UserToken for device check-in"));
        assertEquals(1, appWorkload.count("After impersonation: " + ACCOUNT));
        // the user's session serves the user's two apps and the device's two
        assertEquals(1, appWorkload.count("[Win32App] Got 4 Win32App(s) for user " + OID + " in session 1"),
                appWorkload.messages().toString());

        // the user-targeted user-context app: installed in the user's scope, not the device's
        ComplianceStateMessage installed = compliance(user, USER_APP);
        assertEquals(ComplianceState.Installed, installed.complianceState());
        assertEquals(InstallContext.User, installed.installContext());
        assertEquals(EnforcementState.Success, ime().win32Apps().enforcement(user, Win32AppKey.of(USER_APP, 1))
                .orElseThrow().enforcementState());
        assertFalse(hasState(Scope.DEVICE, USER_APP), "a userless session is not served the user's app");
        assertEquals(1, appWorkload.count("[Win32App] Downloading app on session 1. App: " + USER_APP));

        // the user-context app assigned to devices: 1011/5 in the userless check-in, installed in the user's
        ComplianceStateMessage userless = compliance(Scope.DEVICE, USER_CONTEXT_DEVICE_APP);
        assertEquals(Applicability.AppUnsupportedDueToUnknownReason, userless.applicability());
        assertEquals(ComplianceState.Unknown, userless.complianceState());
        assertTrue(ime().win32Apps().enforcement(Scope.DEVICE, Win32AppKey.of(USER_CONTEXT_DEVICE_APP, 1)).isEmpty(),
                "not enforced in the userless check-in");
        assertEquals(1, appWorkload.count("[Win32App] App with id: " + USER_CONTEXT_DEVICE_APP + " will not be "
                + "evaluated as it has user install context and this is a userless check-in."));
        assertEquals(ComplianceState.Installed, compliance(user, USER_CONTEXT_DEVICE_APP).complianceState());

        // the system-context device app is the device's alone
        assertEquals(ComplianceState.Installed, compliance(Scope.DEVICE, DEVICE_APP).complianceState());
        assertFalse(hasState(user, DEVICE_APP), "the user's check-in leaves the device's system apps alone");

        // the lab's device view has the user's reports under the user's id
        JsonNode apps = deviceView().path("Apps");
        assertTrue(reported(apps, OID, USER_APP, 1), apps.toString());
        assertTrue(reported(apps, OID, USER_CONTEXT_DEVICE_APP, 1), apps.toString());
        assertTrue(reported(apps, Scope.DEVICE.id(), DEVICE_APP, 1), apps.toString());
        assertFalse(reported(apps, OID, DEVICE_APP, 1), apps.toString());
    }

    @Test
    void aUsersRetryWakesTheAgentAndRunsInTheUsersScope() throws Exception {
        new LabUsersKey(registry, ImeLayout.standard()).signIn(ACCOUNT, OID);
        Scope user = Scope.user(OID);
        Instant t0 = scheduler.now();
        checkIn();

        RetryState first = ime().retries().read(user, Win32AppKey.of(USER_RETRY_APP, 1)).orElseThrow();
        assertEquals(1, first.retryCount());
        assertEquals(t0.plus(Duration.ofMinutes(5)), first.nextRetryTimeUtc());
        assertEquals(first.nextRetryTimeUtc(), device.nextDue().orElseThrow(),
                "the user's retry is the earliest work due");
        assertTrue(ime().retries().read(Scope.DEVICE, Win32AppKey.of(USER_RETRY_APP, 1)).isEmpty());
        // the daemon's wake-up is armed for it, as for a device retry
        List<CheckinTrigger> woken = new ArrayList<>();
        WorkloadWakeUps wakeUps = new WorkloadWakeUps(scheduler, device::nextDue, () -> trigger -> {
            woken.add(trigger);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        });
        wakeUps.checkinFinished(null);
        assertEquals(first.nextRetryTimeUtc(), wakeUps.armedFor().orElseThrow());

        scheduler.advanceBy(Duration.ofMinutes(5));
        assertEquals(List.of(CheckinTrigger.WORKLOAD_DUE), woken);
        checkIn();
        assertEquals(2, ime().retries().read(user, Win32AppKey.of(USER_RETRY_APP, 1)).orElseThrow().retryCount());
    }

    @Test
    void anAccountWithoutAnEntraUserGetsNoUserCheckin() throws Exception {
        CheckinOutcome outcome = checkIn();

        assertTrue(outcome.success(), outcome.summary());
        assertFalse(outcome.summary().contains("user "), outcome.summary());
        assertEquals(0, appWorkload.messages().stream().filter(m -> m.contains("Win32App(s) for user")).count());
        assertFalse(ime().win32Apps().scopes().contains(Scope.user(OID)));
        // the user-context app still waits for a user, as observed
        assertEquals(Applicability.AppUnsupportedDueToUnknownReason,
                compliance(Scope.DEVICE, USER_CONTEXT_DEVICE_APP).applicability());
    }

    @Test
    void aUserWhoLoggedOffGetsNoUserCheckin() throws Exception {
        new LabUsersKey(registry, ImeLayout.standard()).signIn(ACCOUNT, OID);
        loggedOn.clear();

        checkIn();

        assertEquals(0, appWorkload.messages().stream().filter(m -> m.contains("Win32App(s) for user")).count());
        assertFalse(ime().win32Apps().scopes().contains(Scope.user(OID)));
    }

    private static boolean reported(JsonNode apps, String userId, String appId, int complianceState) {
        for (JsonNode a : apps) {
            if (a.path("UserId").asText().equalsIgnoreCase(userId) && a.path("AppId").asText().equalsIgnoreCase(appId)
                    && a.path("ComplianceStateMessage").path("ComplianceState").asInt() == complianceState) {
                return true;
            }
        }
        return false;
    }

    private JsonNode deviceView() throws Exception {
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {lab.trust()}, null);
        OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), lab.trust())
                .callTimeout(30, TimeUnit.SECONDS).build();
        try (Response r = http.newCall(new Request.Builder()
                .url(lab.gateway().baseUrl() + "/lab/devices/" + enrolled.deviceId()).get().build()).execute()) {
            assertEquals(200, r.code());
            return new SideCarJson().readTree(r.body().string());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static Path writeLab(Path labDir) throws Exception {
        Path content = labDir.resolve("content");
        Files.createDirectories(content);
        // writes its marker where the file detection rule looks (the agent's emulated ProgramData)
        Files.writeString(content.resolve("install.sh"), """
                #!/bin/sh
                dir="${ProgramData:-$HOME}/imelab-e2e"
                mkdir -p "$dir" || exit 1
                if [ "$1" != "-" ]; then date > "$dir/$1" || exit 1; fi
                if [ -n "$IMELAB_EXIT_CODE_FILE" ]; then echo "$2" > "$IMELAB_EXIT_CODE_FILE"; fi
                exit "$2"
                """);
        String userTarget = "{\"@odata.type\": \"#microsoft.graph.groupAssignmentTarget\", \"groupId\": \"" + GROUP + "\"}";
        String devices = "{\"@odata.type\": \"#microsoft.graph.allDevicesAssignmentTarget\"}";
        String apps = String.join(",\n",
                app(USER_APP, "user", "user-app", "0", userTarget),
                app(USER_CONTEXT_DEVICE_APP, "user", "user-context-device-app", "0", devices),
                app(DEVICE_APP, "system", "device-app", "0", devices),
                app(USER_RETRY_APP, "user", "-", "1618", userTarget));
        Path file = labDir.resolve("lab.json");
        Files.writeString(file, """
                {
                  "name": "user check-in lab",
                  "groups": { "%s": { "displayName": "Lab users", "members": ["user:%s"] } },
                  "apps": [
                %s
                  ]
                }
                """.formatted(GROUP, OID, apps));
        return file;
    }

    private static String app(String id, String runAs, String marker, String exit, String target) {
        return """
                    {
                      "graph": {
                        "@odata.type": "#microsoft.graph.win32LobApp",
                        "id": "%1$s",
                        "displayName": "e2e %3$s",
                        "committedContentVersion": "1",
                        "setupFilePath": "install.sh",
                        "installCommandLine": "sh install.sh %3$s %4$s",
                        "uninstallCommandLine": "sh install.sh - 0",
                        "applicableArchitectures": "x86,x64",
                        "installExperience": { "runAsAccount": "%2$s", "deviceRestartBehavior": "basedOnReturnCode",
                          "maxRunTimeInMinutes": 60 },
                        "returnCodes": [ { "returnCode": 0, "type": "success" }, { "returnCode": 1618, "type": "retry" } ],
                        "detectionRules": [ { "@odata.type": "#microsoft.graph.win32LobAppFileSystemDetection",
                          "path": "%%ProgramData%%\\\\imelab-e2e", "fileOrFolderName": "%3$s",
                          "check32BitOn64System": false, "detectionType": "exists" } ],
                        "assignments": [ { "intent": "required", "target": %5$s } ]
                      },
                      "content": { "folder": "content", "setupFile": "install.sh" }
                    }""".formatted(id, runAs, marker, exit, target);
    }
}
