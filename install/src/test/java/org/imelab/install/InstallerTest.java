package org.imelab.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imelab.install.fs.FileStep;
import org.imelab.install.plan.Manifests;
import org.imelab.install.process.CommandUndo;
import org.imelab.install.process.ProcessCommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {
    @TempDir
    Path tmp;

    /** A step whose undo succeeds only once a flag file exists: an uninstall that fails, then works. */
    private static InstallStep stubbornStep(Path flag) {
        return new InstallStep() {
            @Override
            public String name() {
                return "stubborn";
            }

            @Override
            public boolean isDone(StepContext ctx) {
                return false;
            }

            @Override
            public Undo apply(StepContext ctx) {
                return new CommandUndo(List.of(List.of("test", "-e", flag.toString())));
            }
        };
    }

    @Test
    void anUninstallThatCannotRemoveAStepKeepsItInTheManifestForTheNextTry() throws IOException {
        Path flag = tmp.resolve("flag");
        Path file = tmp.resolve("etc/unit.service");
        ManifestStore store = Manifests.store(tmp.resolve("home"), "svc");
        Installer installer = new Installer(store, StepContext.builder().commands(new ProcessCommandRunner()).build());
        installer.install("svc", List.of(stubbornStep(flag), new FileStep("unit", file, "# Written by imelab install\n", "Written by imelab install")));

        InstallException e = assertThrows(InstallException.class, installer::uninstall);

        assertEquals("stubborn", e.step());
        assertTrue(Files.notExists(file), "what could be removed was removed");
        assertEquals(List.of("stubborn"), store.read().orElseThrow().entries().stream().map(InstallManifest.Entry::step).toList());

        Files.writeString(flag, "");
        assertEquals(List.of("stubborn"), installer.uninstall());
        assertTrue(store.read().isEmpty());
        assertTrue(Files.notExists(tmp.resolve("home/install")), "the manifest's folder went with it");
    }

    @Test
    void aDamagedManifestIsReportedNotGuessedAt() throws IOException {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("install"));
        Files.writeString(home.resolve("install/svc.json"), "{\"version\":1,\"serviceName\":\"svc\",\"entries\":[{\"step\":\"x\",\"undo\":{\"kind\":\"java.lang.Runtime\"}}]}");
        Installer installer = new Installer(Manifests.store(home, "svc"), StepContext.builder().build());

        InstallException e = assertThrows(InstallException.class, installer::uninstall);

        assertTrue(e.getMessage().startsWith("The install manifest is damaged"), e.getMessage());
    }
}
