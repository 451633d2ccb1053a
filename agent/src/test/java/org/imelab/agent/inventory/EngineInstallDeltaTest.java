package org.imelab.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.agent.win32app.rules.UninstallKeyMsiProducts;
import org.imelab.registry.Hive;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.RegistryView;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.InventoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs, uninstalls and upgrades as the Win32 app engine's installers leave them in the
 * registry (an MSI per machine under its product code, an EXE setup in the 32-bit view, a per-user
 * setup under HKCU) show up in the next delta as the right entry: added, changed (same entry id)
 * or removed, and are not sent again once the gateway accepted them. The engine's own MSI
 * detection reads the same keys, so "detected" and "inventoried" agree.
 */
class EngineInstallDeltaTest {
    static final RegPath HKLM = RegPath.of(Hive.HKEY_LOCAL_MACHINE).child(UninstallKeyPrograms.UNINSTALL);
    static final RegPath HKLM32 = HKLM.withView(RegistryView.VIEW_32);
    static final RegPath HKCU = RegPath.of(Hive.HKEY_CURRENT_USER).child(UninstallKeyPrograms.UNINSTALL);
    static final String SEVEN_ZIP = "{23170F69-40C1-2702-2409-000001000000}";
    static final String SEVEN_ZIP_NEXT = "{23170F69-40C1-2702-2501-000001000000}";

    @TempDir
    Path dir;

    FileRegistry registry;
    ManualScheduler clock;
    final List<InventoryDelta> sent = new ArrayList<>();
    InventoryCollector collector;

    @BeforeEach
    void baseline() {
        registry = new FileRegistry(dir.resolve("reg"));
        clock = new ManualScheduler(Instant.parse("2026-11-22T08:00:00Z"));
        exe(HKLM, "Contoso.Agent", "Contoso Agent", "5.0"); // something already there
        collector = new InventoryCollector(new UninstallKeyPrograms(registry),
                new RegistryInventoryBaseline(new InventoryStore(registry, ImeLayout.standard())), sent::add, clock.clock());
        assertTrue(collector.run(true, false).uploaded());
        assertTrue(sent.get(0).full());
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        registry.close();
    }

    /** What Windows Installer writes for a per-machine product (the key named by the product code). */
    void msi(String productCode, String name, String version) {
        RegPath key = HKLM.child(productCode);
        registry.apply(List.of(new RegOp.CreateKey(key),
                new RegOp.Put(key, "DisplayName", RegValue.sz(name)),
                new RegOp.Put(key, "DisplayVersion", RegValue.sz(version)),
                new RegOp.Put(key, "Publisher", RegValue.sz("Igor Pavlov")),
                new RegOp.Put(key, "Language", RegValue.dword(1033)),
                new RegOp.Put(key, "InstallDate", RegValue.sz("20261122")),
                new RegOp.Put(key, "WindowsInstaller", RegValue.dword(1))));
    }

    void exe(RegPath root, String keyName, String name, String version) {
        RegPath key = root.child(keyName);
        registry.apply(List.of(new RegOp.CreateKey(key),
                new RegOp.Put(key, "DisplayName", RegValue.sz(name)),
                new RegOp.Put(key, "DisplayVersion", RegValue.sz(version)),
                new RegOp.Put(key, "Publisher", RegValue.sz("Contoso"))));
    }

    InventoryDelta nextDelta() {
        clock.advanceBy(Duration.ofHours(24));
        InventoryCollector.Outcome o = collector.run(false, false);
        assertEquals(InventoryCadence.Kind.DELTA, o.kind());
        assertTrue(o.uploaded());
        return o.delta();
    }

    @Test
    void installsOfEachKindAreAdded() {
        msi(SEVEN_ZIP, "7-Zip 24.09 (x64 edition)", "24.09.00.0");
        exe(HKLM32, "Notepad++", "Notepad++ (32-bit x86)", "8.7");
        exe(HKCU, "Contoso.Notes", "Contoso Notes", "1.2");
        assertEquals(Optional.of("24.09.00.0"), new UninstallKeyMsiProducts(registry).installedVersion(SEVEN_ZIP),
                "the engine's MSI detection sees the install");

        InventoryDelta d = nextDelta();
        assertEquals(List.of(), d.changed());
        assertEquals(List.of(), d.removed());
        assertEquals(3, d.added().size());
        InstalledProgram seven = named(d.added(), "7-Zip 24.09 (x64 edition)");
        assertEquals(SEVEN_ZIP, seven.productCode());
        assertEquals("1033", seven.language());
        assertEquals("20261122", seven.installDate());
        assertEquals("24.09.00.0", seven.version());
        assertEquals("", named(d.added(), "Notepad++ (32-bit x86)").productCode(), "not an MSI");
        assertEquals("Contoso", named(d.added(), "Contoso Notes").publisher());
        assertTrue(nextDelta().isEmpty(), "accepted changes are not sent again");
    }

    @Test
    void anInPlaceUpgradeIsAChangeOfTheSameEntry() {
        exe(HKLM32, "Notepad++", "Notepad++ (32-bit x86)", "8.7");
        InstalledProgram before = nextDelta().added().get(0);

        exe(HKLM32, "Notepad++", "Notepad++ (32-bit x86)", "8.7.1"); // the setup rewrites its own key
        InventoryDelta d = nextDelta();
        assertEquals(List.of(), d.added());
        assertEquals(List.of(), d.removed());
        assertEquals(1, d.changed().size());
        assertEquals(before.entryId(), d.changed().get(0).entryId());
        assertEquals("8.7.1", d.changed().get(0).version());
        assertTrue(nextDelta().isEmpty());
    }

    @Test
    void anMsiMajorUpgradeRemovesTheOldProductAndAddsTheNewOne() {
        msi(SEVEN_ZIP, "7-Zip 24.09 (x64 edition)", "24.09.00.0");
        InstalledProgram old = nextDelta().added().get(0);

        registry.deleteTree(HKLM.child(SEVEN_ZIP)); // RemoveExistingProducts
        msi(SEVEN_ZIP_NEXT, "7-Zip 25.01 (x64 edition)", "25.01.00.0");
        InventoryDelta d = nextDelta();
        assertEquals(List.of(old.entryId()), d.removed().stream().map(InstalledProgram::entryId).toList());
        assertEquals(1, d.added().size());
        assertEquals(SEVEN_ZIP_NEXT, d.added().get(0).productCode());
        assertNotEquals(old.entryId(), d.added().get(0).entryId());
        assertEquals(List.of(), d.changed());
        assertEquals(Optional.empty(), new UninstallKeyMsiProducts(registry).installedVersion(SEVEN_ZIP));
    }

    @Test
    void anUninstallIsARemovalOfTheEntryThatWasSent() {
        msi(SEVEN_ZIP, "7-Zip 24.09 (x64 edition)", "24.09.00.0");
        exe(HKCU, "Contoso.Notes", "Contoso Notes", "1.2");
        InventoryDelta added = nextDelta();

        registry.deleteTree(HKLM.child(SEVEN_ZIP));
        InventoryDelta d = nextDelta();
        assertEquals(List.of(), d.added());
        assertEquals(List.of(), d.changed());
        assertEquals(List.of(named(added.added(), "7-Zip 24.09 (x64 edition)")), d.removed());
        assertEquals(2, new InventoryStore(registry, ImeLayout.standard()).entries().size(),
                "the baseline keeps Contoso Agent and Contoso Notes");
    }

    @Test
    void theSameKeyInBothViewsIsTwoPrograms() {
        exe(HKLM, "Contoso.Tool", "Contoso Tool (x64)", "1.0");
        exe(HKLM32, "Contoso.Tool", "Contoso Tool (x86)", "1.0");
        List<InstalledProgram> added = nextDelta().added();
        assertEquals(2, added.size());
        assertNotEquals(added.get(0).entryId(), added.get(1).entryId());
    }

    static InstalledProgram named(List<InstalledProgram> list, String name) {
        return list.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + list));
    }
}
