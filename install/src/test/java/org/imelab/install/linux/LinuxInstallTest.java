package org.imelab.install.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.imelab.install.InstallException;
import org.imelab.install.InstallStep;
import org.imelab.install.Installer;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.install.launch.Distribution;
import org.imelab.install.plan.InstallOptions;
import org.imelab.install.plan.LinuxLayout;
import org.imelab.install.plan.LinuxPlan;
import org.imelab.install.plan.Manifests;
import org.imelab.install.plan.Scope;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.install.service.ServiceControlException;
import org.imelab.install.testing.FileTrees;
import org.imelab.install.testing.TestDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux install, for real, into a temporary root (and a HOME inside it for the user variant):
 * the files it writes, checked by the tools the desktop and systemd use, the commands they would
 * run actually run, and uninstall leaves the tree exactly as it was.
 */
class LinuxInstallTest {
    private static final String URL = "intunemanagementextension://syncapp";
    private final ProcessCommandRunner commands = new ProcessCommandRunner();

    @TempDir
    Path tmp;
    Path tree;
    Path root;
    Distribution dist;
    List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        tree = tmp.resolve("lab tree"); // a space, so every quoting rule is exercised
        root = tree.resolve("root");
        Files.createDirectories(root);
        dist = TestDistribution.create(tmp.resolve("dist"));
    }

    private LinuxLayout layout(Scope scope) {
        return new LinuxLayout(root, scope, scope == Scope.USER ? Map.of("HOME", "/home/tester") : Map.of());
    }

    private InstallOptions options(Scope scope) {
        LinuxLayout l = layout(scope);
        return new InstallOptions("imelab", scope, root, l.defaultDataHome(), l.defaultProgramDir(), null,
                Path.of(System.getProperty("java.home")), dist, true, false);
    }

    private LinuxPlan plan(InstallOptions o) {
        return new LinuxPlan(o, layout(o.scope()), commands.isAvailable("xdg-mime"));
    }

    private Installer installer(InstallOptions o) {
        return new Installer(Manifests.store(o.dataHome(), o.serviceName()),
                StepContext.builder().commands(commands).progress(progress::add).build());
    }

    @Test
    void systemInstallWritesTheUnitsAndUninstallRestoresTheTreeExactly() throws IOException {
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.SYSTEM);
        LinuxPlan plan = plan(o);

        Installer.InstallOutcome outcome = installer(o).install(o.serviceName(), plan.steps());

        assertEquals(plan.steps().size(), outcome.applied().size(), "a first install applies every step");
        assertFalse(outcome.applied().stream().anyMatch(s -> s.startsWith("systemctl")), "no systemctl below a root prefix");
        Path unit = root.resolve("etc/systemd/system/imelab.service");
        String text = Files.readString(unit);
        assertTrue(text.contains("\nRestart=on-failure\n"), text);
        assertTrue(text.contains("\nWantedBy=multi-user.target\n"), text);
        for (String name : List.of("imelab-certcheck.service", "imelab-certcheck.timer", "imelab-health.service", "imelab-health.timer")) {
            assertTrue(Files.isRegularFile(root.resolve("etc/systemd/system").resolve(name)), name);
        }
        String timer = Files.readString(root.resolve("etc/systemd/system/imelab-certcheck.timer"));
        assertTrue(timer.contains("\nOnBootSec=5min\n") && timer.contains("\nOnCalendar=daily\n"), timer);
        assertTrue(Files.isRegularFile(root.resolve("opt/imelab/imelab.jar")));
        assertTrue(Files.isRegularFile(root.resolve("opt/imelab/lib/dep-two.jar")));
        assertTrue(Files.isRegularFile(root.resolve("var/lib/imelab/install/imelab.json")), "the manifest");
        String desktop = Files.readString(root.resolve("usr/local/share/applications/imelab-moniker.desktop"));
        assertTrue(desktop.contains("\nMimeType=x-scheme-handler/intunemanagementextension;\n"), desktop);
        assertEquals("x-scheme-handler/intunemanagementextension=imelab-moniker.desktop",
                Files.readString(root.resolve("etc/xdg/mimeapps.list")).lines()
                        .filter(l -> l.startsWith("x-scheme-handler/")).findFirst().orElseThrow());

        List<String> removed = installer(o).uninstall();

        assertEquals(outcome.applied().size(), removed.size());
        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void execStartRunsTheInstalledJarWithExactlyTheUnitsArguments() throws Exception {
        InstallOptions o = options(Scope.SYSTEM);
        installer(o).install(o.serviceName(), plan(o).steps());
        Path units = root.resolve("etc/systemd/system");

        List<String> daemon = execStart(units.resolve("imelab.service"));
        List<String> certs = execStart(units.resolve("imelab-certcheck.service"));
        List<String> health = execStart(units.resolve("imelab-health.service"));

        assertTrue(Path.of(daemon.get(0)).isAbsolute() && Files.isExecutable(Path.of(daemon.get(0))), daemon.get(0));
        assertEquals(root.resolve("opt/imelab/imelab.jar").toString(), daemon.get(daemon.indexOf("-jar") + 1));
        assertEquals(List.of("--home", o.dataHome().toString(), "run"), runRecording(daemon));
        assertEquals(List.of("--home", o.dataHome().toString(), "certs", "check"), runRecording(certs));
        assertEquals(List.of("--home", o.dataHome().toString(), "health", "--service-name", "imelab"), runRecording(health));
    }

    @Test
    void unitsPassSystemdAnalyzeVerify() throws IOException {
        assumeTrue(commands.isAvailable("systemd-analyze"), "systemd-analyze is not installed");
        InstallOptions o = options(Scope.SYSTEM);
        installer(o).install(o.serviceName(), plan(o).steps());
        Path units = root.resolve("etc/systemd/system");
        List<String> argv = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String u : List.of("imelab.service", "imelab-certcheck.service", "imelab-certcheck.timer",
                "imelab-health.service", "imelab-health.timer")) {
            argv.add(units.resolve(u).toString());
        }

        CommandResult r = commands.run(argv, Map.of(), Duration.ofSeconds(60));

        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.stderr().contains("imelab"), "systemd-analyze warned about our units:\n" + r.stderr());
    }

    @Test
    void userUnitsPassSystemdAnalyzeVerify() throws IOException {
        assumeTrue(commands.isAvailable("systemd-analyze"), "systemd-analyze is not installed");
        InstallOptions o = options(Scope.USER);
        installer(o).install(o.serviceName(), plan(o).steps());
        Path units = root.resolve("home/tester/.config/systemd/user");
        Path runtime = Files.createDirectories(tmp.resolve("runtime"));
        List<String> argv = new ArrayList<>(List.of("systemd-analyze", "--user", "verify"));
        for (String u : List.of("imelab.service", "imelab-certcheck.service", "imelab-certcheck.timer",
                "imelab-health.service", "imelab-health.timer")) {
            argv.add(units.resolve(u).toString());
        }

        CommandResult r = commands.run(argv, Map.of("XDG_RUNTIME_DIR", runtime.toString(),
                "HOME", root.resolve("home/tester").toString()), Duration.ofSeconds(60));

        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.stderr().contains("imelab"), "systemd-analyze warned about our units:\n" + r.stderr());
        assertTrue(Files.readString(units.resolve("imelab.service")).contains("\nWantedBy=default.target\n"));
    }

    @Test
    void desktopEntryPassesDesktopFileValidate() throws IOException {
        assumeTrue(commands.isAvailable("desktop-file-validate"), "desktop-file-utils is not installed");
        InstallOptions o = options(Scope.SYSTEM);
        installer(o).install(o.serviceName(), plan(o).steps());

        CommandResult r = commands.run(List.of("desktop-file-validate",
                root.resolve("usr/local/share/applications/imelab-moniker.desktop").toString()), Map.of(), Duration.ofSeconds(30));

        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.stdout().strip(), "no warnings expected");
    }

    @Test
    void systemUrlHandlerResolvesAsTheDesktopDoesAndRunsTheMonikerCommand() throws Exception {
        assumeTrue(commands.isAvailable("xdg-mime"), "xdg-utils is not installed");
        InstallOptions o = options(Scope.SYSTEM);
        LinuxPlan plan = plan(o);
        installer(o).install(o.serviceName(), plan.steps());
        Map<String, String> env = xdgEnv(Files.createDirectories(tmp.resolve("empty-config")),
                Files.createDirectories(tmp.resolve("empty-data")),
                root.resolve("etc/xdg"), root.resolve("usr/local/share"));

        String desktopId = queryDefault(env);

        assertEquals("imelab-moniker.desktop", desktopId);
        List<String> argv = DesktopExec.expand(DesktopEntry.exec(
                Files.readString(root.resolve("usr/local/share/applications").resolve(desktopId))), URL);
        assertEquals(plan.launchCommand().argv("moniker", URL), argv);
        assertEquals(List.of("--home", o.dataHome().toString(), "moniker", URL), runRecording(argv));
    }

    @Test
    void userInstallUsesXdgMimeAndUninstallPutsBackTheUsersOwnList() throws Exception {
        assumeTrue(commands.isAvailable("xdg-mime"), "xdg-utils is not installed");
        Path config = Files.createDirectories(root.resolve("home/tester/.config"));
        String theirs = "[Default Applications]\ntext/html=firefox.desktop\n\n[Added Associations]\ntext/plain=gedit.desktop;\n";
        Files.writeString(config.resolve("mimeapps.list"), theirs);
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.USER);
        LinuxPlan plan = plan(o);

        installer(o).install(o.serviceName(), plan.steps());

        Path home = root.resolve("home/tester");
        assertTrue(Files.isRegularFile(home.resolve(".config/systemd/user/imelab.service")));
        assertTrue(Files.isRegularFile(home.resolve(".local/share/imelab/imelab.jar")));
        assertTrue(Files.isRegularFile(home.resolve(".imelab/install/imelab.json")));
        String list = Files.readString(config.resolve("mimeapps.list"));
        assertTrue(list.contains("text/html=firefox.desktop"), "their defaults stay: " + list);
        Map<String, String> env = xdgEnv(config, home.resolve(".local/share"),
                Files.createDirectories(tmp.resolve("no-system-config")), Files.createDirectories(tmp.resolve("no-system-data")));
        assertEquals("imelab-moniker.desktop", queryDefault(env));
        List<String> argv = DesktopExec.expand(DesktopEntry.exec(
                Files.readString(home.resolve(".local/share/applications/imelab-moniker.desktop"))), URL);
        assertEquals(List.of("--home", o.dataHome().toString(), "moniker", URL), runRecording(argv));

        installer(o).uninstall();

        assertEquals(theirs, Files.readString(config.resolve("mimeapps.list")));
        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void userInstallIntoAnEmptyHomeLeavesItEmptyAfterUninstall() {
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.USER);

        installer(o).install(o.serviceName(), plan(o).steps());
        installer(o).uninstall();

        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void installingTwiceChangesNothingTheSecondTime() {
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.SYSTEM);
        installer(o).install(o.serviceName(), plan(o).steps());
        SortedMap<String, String> installed = FileTrees.snapshot(tree);

        Installer.InstallOutcome again = installer(o).install(o.serviceName(), plan(o).steps());

        assertEquals(List.of(), again.applied());
        assertEquals(plan(o).steps().size(), again.alreadyInPlace().size());
        assertEquals(installed, FileTrees.snapshot(tree));
        installer(o).uninstall();
        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void anUpgradeReplacesTheProgramFilesAndUninstallStillRestoresTheTree() throws IOException {
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.SYSTEM);
        installer(o).install(o.serviceName(), plan(o).steps());
        Distribution v2 = TestDistribution.create(tmp.resolve("dist2"), "2");
        InstallOptions o2 = new InstallOptions(o.serviceName(), o.scope(), o.root(), o.dataHome(), o.programDir(),
                o.registryRoot(), o.javaHome(), v2, true, false);

        Installer.InstallOutcome up = installer(o2).install(o2.serviceName(), plan(o2).steps());

        // the new build's fingerprint is in every unit: systemd will see them changed and restart the daemon
        assertEquals(List.of("program files " + o.programDir(), "systemd unit imelab.service", "systemd unit imelab-certcheck.service",
                "systemd unit imelab-certcheck.timer", "systemd unit imelab-health.service", "systemd unit imelab-health.timer"), up.applied());
        assertEquals(-1L, Files.mismatch(v2.jar(), root.resolve("opt/imelab/imelab.jar")));
        assertTrue(Files.readString(root.resolve("etc/systemd/system/imelab.service")).contains("# imelab build " + v2.fingerprint() + "\n"));
        installer(o2).uninstall();
        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void aFailingStepRollsBackEverythingAndNamesTheStepAndTheWin32Error() {
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.SYSTEM);
        List<InstallStep> steps = new ArrayList<>(plan(o).steps());
        steps.add(5, new FailingStep());

        InstallException e = assertThrows(InstallException.class, () -> installer(o).install(o.serviceName(), steps));

        assertEquals("injected failure", e.step());
        assertEquals(5, e.win32Error());
        assertTrue(e.getMessage().contains("step 'injected failure'") && e.getMessage().contains("Win32 error 5"), e.getMessage());
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
        assertEquals(List.of(), e.leftovers());
        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void aRealFailureHalfwayRollsBackToo() throws IOException {
        // a file where the applications folder should be: writing the desktop entry fails
        Files.createDirectories(root.resolve("usr/local/share"));
        Files.writeString(root.resolve("usr/local/share/applications"), "in the way");
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.SYSTEM);

        InstallException e = assertThrows(InstallException.class, () -> installer(o).install(o.serviceName(), plan(o).steps()));

        assertEquals("desktop entry imelab-moniker.desktop", e.step());
        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void aUnitFileThatImelabDidNotWriteIsNeverOverwritten() throws IOException {
        Path unit = Files.createDirectories(root.resolve("etc/systemd/system")).resolve("imelab.service");
        Files.writeString(unit, "[Service]\nExecStart=/usr/bin/something-else\n");
        SortedMap<String, String> before = FileTrees.snapshot(tree);
        InstallOptions o = options(Scope.SYSTEM);

        InstallException e = assertThrows(InstallException.class, () -> installer(o).install(o.serviceName(), plan(o).steps()));

        assertEquals("systemd unit imelab.service", e.step());
        assertTrue(e.getMessage().contains("was not written by imelab"), e.getMessage());
        assertEquals(before, FileTrees.snapshot(tree));
    }

    @Test
    void uninstallWithoutAnInstallSaysSo() {
        InstallOptions o = options(Scope.SYSTEM);

        InstallException e = assertThrows(InstallException.class, () -> installer(o).uninstall());

        assertTrue(e.getMessage().startsWith("Nothing to uninstall"), e.getMessage());
    }

    // --- helpers

    private static List<String> execStart(Path unit) throws IOException {
        return SystemdExec.split(SystemdUnits.value(Files.readString(unit), "ExecStart"));
    }

    /** Runs a command line exactly; the test jar's main records the arguments it received. */
    private List<String> runRecording(List<String> argv) throws IOException {
        Path record = tmp.resolve("record-" + System.nanoTime());
        CommandResult r = commands.run(argv, Map.of("RECORD_TO", record.toString()), Duration.ofSeconds(60));
        assertEquals(0, r.exitCode(), r.output());
        return Files.readString(record, StandardCharsets.UTF_8).lines().toList();
    }

    private String queryDefault(Map<String, String> env) {
        CommandResult r = commands.run(List.of("xdg-mime", "query", "default", DesktopEntry.MIME_TYPE), env, Duration.ofSeconds(30));
        assertEquals(0, r.exitCode(), r.output());
        return r.stdout().strip();
    }

    /** An environment where xdg-mime sees only the given folders and no desktop session. */
    private Map<String, String> xdgEnv(Path configHome, Path dataHome, Path configDirs, Path dataDirs) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", Files.createDirectories(tmp.resolve("query-home")).toString());
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("XDG_DATA_HOME", dataHome.toString());
        env.put("XDG_CONFIG_DIRS", configDirs.toString());
        env.put("XDG_DATA_DIRS", dataDirs.toString());
        for (String v : List.of("XDG_CURRENT_DESKTOP", "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID",
                "MATE_DESKTOP_SESSION_ID", "DESKTOP_SESSION", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_MENU_PREFIX")) {
            env.put(v, null);
        }
        return env;
    }

    /** A step that fails the way a Windows call does, to prove the rollback. */
    private static final class FailingStep implements InstallStep {
        @Override
        public String name() {
            return "injected failure";
        }

        @Override
        public boolean isDone(StepContext ctx) {
            return false;
        }

        @Override
        public Undo apply(StepContext ctx) {
            throw new ServiceControlException("OpenSCManager failed", 5);
        }
    }
}
