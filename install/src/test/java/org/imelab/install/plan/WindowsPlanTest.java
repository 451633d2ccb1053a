package org.imelab.install.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.imelab.install.InstallException;
import org.imelab.install.Installer;
import org.imelab.install.StepContext;
import org.imelab.install.launch.Distribution;
import org.imelab.install.launch.WindowsCommandLine;
import org.imelab.install.moniker.MonikerRegistration;
import org.imelab.install.service.ServiceConfig;
import org.imelab.install.service.ServiceState;
import org.imelab.install.service.StartType;
import org.imelab.install.testing.FakeSchtasks;
import org.imelab.install.testing.FileTrees;
import org.imelab.install.testing.InMemoryServiceManager;
import org.imelab.install.testing.RegistryDump;
import org.imelab.install.testing.RewritingCommandRunner;
import org.imelab.install.testing.TestDistribution;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Windows install plan run on Linux, with the Windows API faked at its edge: the SCM in
 * memory, the registry in memory, schtasks.exe as a script (a real child process). What the
 * plan writes, the order it does it in, the rollback and the exact uninstall are all real.
 */
class WindowsPlanTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path tree;
    Distribution dist;
    FakeSchtasks schtasks;
    RewritingCommandRunner commands;
    MemoryRegistry reg = new MemoryRegistry();
    InMemoryServiceManager scm = new InMemoryServiceManager();

    @BeforeEach
    void setUp() throws IOException {
        tree = Files.createDirectories(tmp.resolve("C"));
        dist = TestDistribution.create(tmp.resolve("dist"));
        schtasks = new FakeSchtasks(tmp);
        commands = new RewritingCommandRunner(Map.of("schtasks.exe", schtasks.path()));
        reg.put(RegPath.parse("HKCR\\http\\shell\\open\\command"), "", RegValue.sz("\"C:\\browser.exe\" \"%1\""));
    }

    private InstallOptions options(String serviceName, boolean takeOver) {
        return new InstallOptions(serviceName, Scope.SYSTEM, tree.getRoot(), tree.resolve("ProgramData/imelab"),
                tree.resolve("Program Files/imelab"), null, tmp.resolve("Java/jdk-21"), dist, true, takeOver);
    }

    private Installer installer(InstallOptions o) {
        return new Installer(Manifests.store(o.dataHome(), o.serviceName()),
                StepContext.builder().commands(commands).registry(reg).services(scm).clock(CLOCK).build());
    }

    @Test
    void installsServiceMonikerAndTasksThenUninstallsToExactlyTheStartingState() throws Exception {
        SortedMap<String, String> files = FileTrees.snapshot(tree);
        SortedMap<String, String> registry = RegistryDump.of(reg);
        InstallOptions o = options("IntuneManagementExtension", false);
        WindowsPlan plan = new WindowsPlan(o, CLOCK);

        installer(o).install(o.serviceName(), plan.steps());

        ServiceConfig svc = scm.query("IntuneManagementExtension").orElseThrow();
        assertEquals("Microsoft Intune Management Extension", svc.displayName());
        assertEquals(StartType.AUTO, svc.startType());
        assertEquals(null, svc.account(), "LocalSystem");
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)), svc.restartDelays());
        assertTrue(svc.binaryPath().startsWith("\"" + tmp.resolve("Java/jdk-21/bin/java.exe") + "\" -Xrs "), svc.binaryPath());
        assertEquals(List.of(tmp.resolve("Java/jdk-21/bin/java.exe").toString(), "-Xrs", "--enable-native-access=ALL-UNNAMED",
                "-jar", tree.resolve("Program Files/imelab/imelab.jar").toString(), "--home", o.dataHome().toString(), "run"),
                WindowsCommandLine.split(svc.binaryPath()));
        assertEquals(ServiceState.RUNNING, scm.state("IntuneManagementExtension"));
        String command = reg.get(MonikerRegistration.KEY.child("shell", "open", "command"), "").orElseThrow().display();
        assertTrue(command.startsWith("\"" + tmp.resolve("Java/jdk-21/bin/javaw.exe") + "\""), command);
        assertEquals(List.of("#Intune_Management_Extension_Client_Cert_Checker.xml", "#Intune_Management_Extension_Health_Evaluation.xml"),
                schtasks.taskFiles());

        installer(o).uninstall();

        assertEquals(files, FileTrees.snapshot(tree));
        assertEquals(registry, RegistryDump.of(reg));
        assertEquals(Map.of(), scm.services());
        assertEquals(List.of(), schtasks.taskFiles());
    }

    @Test
    void anUpgradeRestartsTheServiceOnTheNewBuildAndAFailedOneGoesBackToTheOldRunningOne() throws Exception {
        SortedMap<String, String> registry = RegistryDump.of(reg);
        InstallOptions o = options("imelab", false);
        installer(o).install(o.serviceName(), new WindowsPlan(o, CLOCK).steps());
        ServiceConfig v1 = scm.query("imelab").orElseThrow();
        Distribution v2 = TestDistribution.create(tmp.resolve("dist2"), "2");
        InstallOptions o2 = new InstallOptions("imelab", Scope.SYSTEM, o.root(), o.dataHome(), o.programDir(), null, o.javaHome(), v2, true, false);

        scm.failStartsWith(1053);
        InstallException failed = assertThrows(InstallException.class,
                () -> installer(o2).install(o2.serviceName(), new WindowsPlan(o2, CLOCK).steps()));
        assertEquals("start service imelab", failed.step());
        assertEquals(Optional.of(v1), scm.query("imelab"), "the old setup is back");
        assertEquals(ServiceState.RUNNING, scm.state("imelab"), "and runs again");

        Installer.InstallOutcome up = installer(o2).install(o2.serviceName(), new WindowsPlan(o2, CLOCK).steps());
        assertEquals(List.of("program files " + o.programDir(), "service imelab", "start service imelab"), up.applied());
        assertTrue(scm.query("imelab").orElseThrow().description().contains("(build " + v2.fingerprint() + ")"));
        assertEquals(ServiceState.RUNNING, scm.state("imelab"));

        installer(o2).uninstall();
        assertEquals(Map.of(), scm.services());
        assertEquals(registry, RegistryDump.of(reg));
        assertEquals(List.of(), schtasks.taskFiles());
    }

    @Test
    void theTaskXmlIsUtf16WithABomAndFollowsTheSchema() throws Exception {
        InstallOptions o = options("imelab", false);
        WindowsPlan plan = new WindowsPlan(o, CLOCK);
        installer(o).install(o.serviceName(), plan.steps());

        byte[] bytes = Files.readAllBytes(schtasks.fileOf("\\imelab imelab Client Cert Checker"));
        assertEquals(List.of((byte) 0xFF, (byte) 0xFE), List.of(bytes[0], bytes[1]), "UTF-16LE BOM");
        String xml = new String(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE);
        Document doc = parse(xml);
        Element task = doc.getDocumentElement();
        assertEquals("http://schemas.microsoft.com/windows/2004/02/mit/task", task.getNamespaceURI());
        assertEquals("PT5M", text(task, "BootTrigger", "Delay"));
        assertEquals("2025-03-01T03:00:00", text(task, "CalendarTrigger", "StartBoundary"));
        assertEquals("1", text(task, "ScheduleByDay", "DaysInterval"));
        assertEquals("S-1-5-18", text(task, "Principal", "UserId"));
        assertEquals(tmp.resolve("Java/jdk-21/bin/java.exe").toString(), text(task, "Exec", "Command"));
        List<String> args = WindowsCommandLine.split("\"x\" " + text(task, "Exec", "Arguments"));
        assertEquals(List.of("x", "--enable-native-access=ALL-UNNAMED", "-jar", tree.resolve("Program Files/imelab/imelab.jar").toString(),
                "--home", o.dataHome().toString(), "certs", "check"), args);

        String health = new String(Files.readAllBytes(schtasks.fileOf("\\imelab imelab Health Evaluation")), StandardCharsets.UTF_16LE).substring(1);
        Element h = parse(health).getDocumentElement();
        assertEquals("2025-03-01T11:00:00", text(h, "TimeTrigger", "StartBoundary"));
        assertEquals("PT1H", text(h, "Repetition", "Interval"));
        assertTrue(text(h, "Exec", "Arguments").endsWith(" health --service-name imelab"));
    }

    @Test
    void aServiceThatWillNotStartRollsEverythingBackWithItsWin32Error() throws IOException {
        SortedMap<String, String> files = FileTrees.snapshot(tree);
        SortedMap<String, String> registry = RegistryDump.of(reg);
        scm.failStartsWith(1053);
        InstallOptions o = options("imelab", false);

        InstallException e = assertThrows(InstallException.class,
                () -> installer(o).install(o.serviceName(), new WindowsPlan(o, CLOCK).steps()));

        assertEquals("start service imelab", e.step());
        assertEquals(1053, e.win32Error());
        assertTrue(e.getMessage().contains("Win32 error 1053"), e.getMessage());
        assertEquals(files, FileTrees.snapshot(tree));
        assertEquals(registry, RegistryDump.of(reg));
        assertEquals(Map.of(), scm.services());
        assertEquals(List.of(), schtasks.taskFiles());
    }

    @Test
    void aSchtasksFailureCarriesItsOutputAndRollsBack() throws IOException {
        SortedMap<String, String> registry = RegistryDump.of(reg);
        schtasks.denyCreates();
        InstallOptions o = options("imelab", false);

        InstallException e = assertThrows(InstallException.class,
                () -> installer(o).install(o.serviceName(), new WindowsPlan(o, CLOCK).steps()));

        assertEquals("scheduled task \\imelab imelab Client Cert Checker", e.step());
        assertTrue(e.getMessage().contains("ERROR: Access is denied."), e.getMessage());
        assertEquals(registry, RegistryDump.of(reg));
        assertEquals(Map.of(), scm.services());
    }

    @Test
    void theRealImesServiceIsOnlyReplacedOnRequestAndComesBackOnUninstall() throws IOException {
        ServiceConfig real = new ServiceConfig("IntuneManagementExtension", "Microsoft Intune Management Extension",
                "Microsoft Intune Management Extension", "\"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Microsoft.Management.Services.IntuneWindowsAgent.exe\"",
                StartType.AUTO, "LocalSystem", List.of(Duration.ofMinutes(1)), Duration.ofDays(1));
        scm.create(real);
        scm.start(real.name(), Duration.ofSeconds(1));
        RealIme.Footprint footprint = RealIme.detect(scm, tmp.resolve("no such folder"));
        assertTrue(footprint.present());

        InstallException refused = assertThrows(InstallException.class, () -> RealIme.guard(options("IntuneManagementExtension", false), footprint));
        assertTrue(refused.getMessage().contains("its service name IntuneManagementExtension"), refused.getMessage());
        assertTrue(refused.getMessage().contains("its intunemanagementextension:// moniker"), refused.getMessage());
        assertTrue(refused.getMessage().contains("its registry root HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension"), refused.getMessage());

        InstallOptions o = options("IntuneManagementExtension", true);
        RealIme.guard(o, footprint);
        installer(o).install(o.serviceName(), new WindowsPlan(o, CLOCK).steps());
        assertTrue(scm.query(real.name()).orElseThrow().runsImelab());
        assertFalse(RealIme.detect(scm, tmp.resolve("no such folder")).present(), "imelab's own service is not the real IME");

        installer(o).uninstall();

        assertEquals(Optional.of(real), scm.query(real.name()));
    }

    @Test
    void withoutTakeOverAServiceThatIsNotImelabsIsRefused() {
        scm.create(new ServiceConfig("imelab", "Something", null, "C:\\other.exe", StartType.DEMAND, null, List.of(), Duration.ZERO));
        InstallOptions o = options("imelab", false);

        InstallException e = assertThrows(InstallException.class,
                () -> installer(o).install(o.serviceName(), new WindowsPlan(o, CLOCK).steps()));

        assertEquals("service imelab", e.step());
        assertTrue(e.getMessage().contains("exists and is not imelab's"), e.getMessage());
    }

    @Test
    void theGuardLetsAnInstallBesideTheRealImeThrough() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("Program Files (x86)/Microsoft Intune Management Extension"));
        RealIme.Footprint footprint = RealIme.detect(scm, folder);
        InstallOptions beside = new InstallOptions("imelab", Scope.SYSTEM, tree.getRoot(), tree.resolve("ProgramData/imelab"),
                tree.resolve("Program Files/imelab"), "HKLM\\SOFTWARE\\imelab\\IntuneManagementExtension", tmp.resolve("jdk"), dist, false, false);

        RealIme.guard(beside, footprint);

        assertEquals(List.of("folder " + folder), footprint.evidence());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_16)));
    }

    private static String text(Element root, String parent, String child) {
        Element p = (Element) root.getElementsByTagNameNS("*", parent).item(0);
        return p.getElementsByTagNameNS("*", child).item(0).getTextContent();
    }
}
