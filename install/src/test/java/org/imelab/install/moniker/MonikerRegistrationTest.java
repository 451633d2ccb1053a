package org.imelab.install.moniker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.imelab.install.InstallManifest;
import org.imelab.install.InstallStep;
import org.imelab.install.Installer;
import org.imelab.install.StepContext;
import org.imelab.install.launch.LaunchCommand;
import org.imelab.install.launch.WindowsCommandLine;
import org.imelab.install.plan.Manifests;
import org.imelab.install.testing.RegistryDump;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moniker's HKCR keys, written through the registry API: exactly these, and uninstall removes exactly these. */
class MonikerRegistrationTest {
    private static final String COMMAND = "\"C:\\Program Files\\Java\\bin\\javaw.exe\" -jar \"C:\\Program Files\\imelab\\imelab.jar\" moniker \"%1\"";

    @TempDir
    Path home;
    MemoryRegistry reg = new MemoryRegistry();

    @BeforeEach
    void someoneElsesKeys() {
        reg.put(RegPath.parse("HKCR\\.txt"), "", RegValue.sz("txtfile"));
        reg.put(RegPath.parse("HKCR\\http\\shell\\open\\command"), "", RegValue.sz("\"C:\\browser.exe\" \"%1\""));
        reg.put(RegPath.parse("HKLM\\SOFTWARE\\Contoso"), "Version", RegValue.dword(3));
    }

    private Installer installer() {
        return new Installer(Manifests.store(home, "svc"), StepContext.builder().registry(reg).build());
    }

    @Test
    void writesExactlyTheProtocolKeysAndUninstallRemovesExactlyThose() {
        SortedMap<String, String> before = RegistryDump.of(reg);

        installer().install("svc", List.<InstallStep>of(MonikerRegistration.step(COMMAND)));

        RegPath key = RegPath.parse("HKCR\\intunemanagementextension");
        assertEquals(Map.of("", RegValue.sz("URL:intunemanagementextension"), "URL Protocol", RegValue.sz("")), reg.values(key));
        assertEquals(List.of("shell"), reg.subKeys(key));
        assertEquals(List.of("open"), reg.subKeys(key.child("shell")));
        assertEquals(List.of("command"), reg.subKeys(key.child("shell", "open")));
        assertEquals(Map.of("", RegValue.sz(COMMAND)), reg.values(key.child("shell", "open", "command")));
        SortedMap<String, String> after = RegistryDump.of(reg);
        after.keySet().removeAll(before.keySet());
        assertEquals(7, after.size(), "4 keys and 3 values added: " + after);

        installer().uninstall();

        assertEquals(before, RegistryDump.of(reg));
    }

    @Test
    void aHandlerThatWasThereIsPutBackOnUninstall() {
        RegPath command = RegPath.parse("HKCR\\intunemanagementextension\\shell\\open\\command");
        reg.put(command.parent().parent().parent(), "", RegValue.sz("URL:IntuneManagementExtension Protocol"));
        reg.put(command.parent().parent().parent(), "URL Protocol", RegValue.sz(""));
        reg.put(command, "", RegValue.sz("\"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Microsoft.Management.Services.IntuneWindowsAgent.exe\" \"%1\""));
        SortedMap<String, String> before = RegistryDump.of(reg);

        installer().install("svc", List.<InstallStep>of(MonikerRegistration.step(COMMAND)));
        assertEquals(Optional.of(RegValue.sz(COMMAND)), reg.get(command, ""));
        installer().uninstall();

        assertEquals(before, RegistryDump.of(reg));
    }

    @Test
    void theManifestRecordSurvivesAJsonRoundTrip() {
        installer().install("svc", List.<InstallStep>of(MonikerRegistration.step(COMMAND)));
        InstallManifest m = Manifests.store(home, "svc").read().orElseThrow();
        assertEquals(m, Manifests.codec().read(Manifests.codec().write(m)));
    }

    @Test
    void theCommandRunsTheLauncherWithTheMonikerVerbAndTheQuotedUrl() {
        LaunchCommand javaw = new LaunchCommand(Path.of("/opt/Java 21/bin/javaw.exe"), List.of(), Path.of("/opt/imelab/imelab.jar"),
                List.of("--home", "/var/lib/imelab"));
        String command = MonikerRegistration.command(javaw);
        assertTrue(command.endsWith(" moniker \"%1\""), command);
        // what Windows shell runs: %1 replaced by the URL
        String launched = command.replace("%1", "intunemanagementextension://syncapp");
        assertEquals(javaw.argv("moniker", "intunemanagementextension://syncapp"), WindowsCommandLine.split(launched));
    }
}
