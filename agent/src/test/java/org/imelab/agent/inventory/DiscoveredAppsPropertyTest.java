package org.imelab.agent.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.report.InventoryReport;
import org.imelab.registry.Hive;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryView;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.InventoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property of issue 5: after any sequence of installs, uninstalls and upgrades on a device's
 * Uninstall keys and of inventory runs (some whose upload fails, some forced full, some after
 * {@code FirstTimeSwitch} was deleted, at random points of the 24 h / 7 day cadence), the lab
 * gateway's Discovered Apps for the device equal the device's real list. Everything is real: the
 * file registry, the collector and baseline, the agent's GatewayClient with mutual TLS over HTTPS
 * on loopback, the lab gateway, its admin view, and a restart of the lab in the middle.
 */
class DiscoveredAppsPropertyTest {
    static final RegPath HKLM_UNINSTALL = RegPath.of(Hive.HKEY_LOCAL_MACHINE).child(UninstallKeyPrograms.UNINSTALL);
    static final List<RegPath> ROOTS = List.of(HKLM_UNINSTALL, HKLM_UNINSTALL.withView(RegistryView.VIEW_32),
            RegPath.of(Hive.HKEY_CURRENT_USER).child(UninstallKeyPrograms.UNINSTALL));
    static final long[] SEEDS = {1, 2, 3, 20261122};
    static final int STEPS = 60;

    @TempDir
    Path dir;

    /** The device's clock, moved by the test. */
    static final class DeviceClock implements InstantSource {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What the sequence exercised, so a change to the weights cannot quietly skip a case. */
    static final class Tally {
        int uploads;
        int failedUploads;
        int notDue;
        int fulls;
        int forcedFulls;
        int firstTimeSwitchDeleted;
        int installs;
        int uninstalls;
        int inPlaceUpgrades;
        int majorUpgrades;
    }

    @Test
    void theLabsDiscoveredAppsEqualTheDevicesListAfterAnySequence() throws Exception {
        Path labFile = dir.resolve("lab.json");
        Files.writeString(labFile, "{\"name\": \"inventory property lab\", \"apps\": []}");
        Path state = dir.resolve("lab-state");
        Tally tally = new Tally();
        Map<String, List<InventoryReport.InventoryEntry>> finalLists = new LinkedHashMap<>();
        Map<String, LabDeviceClient> devices = new LinkedHashMap<>();
        LabGateway lab = LabGateway.start(LabConfig.of(labFile, state));
        LabDeviceClient.LabAdmin admin = new LabDeviceClient.LabAdmin(lab);
        try {
            for (int i = 0; i < SEEDS.length; i++) {
                if (i == SEEDS.length / 2) {
                    // the lab restarts: what it showed must come back from its state folder
                    admin.close();
                    lab.close();
                    lab = LabGateway.start(LabConfig.of(labFile, state));
                    admin = new LabDeviceClient.LabAdmin(lab);
                    for (var e : devices.entrySet()) {
                        assertEquals(set(finalLists.get(e.getKey())), set(admin.discoveredApps(e.getKey())),
                                "device " + e.getKey() + " after the lab restarted");
                    }
                }
                LabDeviceClient device = LabDeviceClient.enroll(lab, "INV-PC" + i);
                devices.put(device.deviceId, device);
                finalLists.put(device.deviceId, runSequence(lab, admin, device, SEEDS[i], tally));
            }
        } finally {
            admin.close();
            lab.close();
        }
        // the sequences did exercise every case
        assertTrue(tally.failedUploads >= 5, "failed uploads: " + tally.failedUploads);
        assertTrue(tally.forcedFulls >= 3, "forced fulls: " + tally.forcedFulls);
        assertTrue(tally.firstTimeSwitchDeleted >= 3, "FirstTimeSwitch deleted: " + tally.firstTimeSwitchDeleted);
        assertTrue(tally.notDue >= 3, "runs not due: " + tally.notDue);
        assertTrue(tally.fulls > tally.forcedFulls, "fulls by the cadence too");
        assertTrue(tally.uploads - tally.fulls >= 30, "deltas: " + (tally.uploads - tally.fulls));
        assertTrue(tally.uninstalls >= 10 && tally.inPlaceUpgrades >= 10 && tally.majorUpgrades >= 3,
                "uninstalls " + tally.uninstalls + ", upgrades " + tally.inPlaceUpgrades + "/" + tally.majorUpgrades);
    }

    private List<InventoryReport.InventoryEntry> runSequence(LabGateway lab, LabDeviceClient.LabAdmin admin,
            LabDeviceClient device, long seed, Tally tally)
            throws Exception {
        Random random = new Random(seed);
        DeviceClock clock = new DeviceClock();
        ManualScheduler scheduler = new ManualScheduler(clock.now); // the client schedules nothing: no retries
        String dead = deadSideCarUrl();
        try (FileRegistry registry = new FileRegistry(dir.resolve("device-" + seed));
             GatewayClient client = device.gatewayClient(lab, lab.sideCarUrl(), true, scheduler);
             GatewayClient unreachable = device.gatewayClient(lab, dead, true, scheduler);
             GatewayClient noCertificate = device.gatewayClient(lab, lab.sideCarUrl(), false, scheduler)) {
            SideCarJson json = new SideCarJson();
            InventoryStore store = new InventoryStore(registry, ImeLayout.standard());
            RegistryInventoryBaseline baseline = new RegistryInventoryBaseline(store);
            UninstallKeyPrograms source = new UninstallKeyPrograms(registry);
            for (int step = 0; step < STEPS; step++) {
                int roll = random.nextInt(100);
                if (roll < 25) {
                    install(registry, random, tally);
                } else if (roll < 35) {
                    uninstall(registry, random, tally);
                } else if (roll < 50) {
                    upgrade(registry, random, tally);
                } else if (roll < 55) {
                    oddities(registry, random);
                } else {
                    clock.now = clock.now.plus(Duration.ofMinutes(random.nextInt(80 * 60)));
                    int failure = random.nextInt(100);
                    GatewayClient via = failure < 12 ? unreachable : failure < 22 ? noCertificate : client;
                    boolean forceFull = random.nextInt(100) < 10;
                    if (random.nextInt(100) < 10 && store.clearFirstTimeSwitch()) {
                        tally.firstTimeSwitchDeleted++;
                    }
                    List<InventoryReport.InventoryEntry> before = admin.discoveredApps(device.deviceId);
                    InventoryCollector.Outcome o = new InventoryCollector(source, baseline,
                            new GatewayInventoryUploader(via, json, clock), clock)
                            .run(random.nextInt(100) < 30, forceFull);
                    String where = "seed " + seed + ", step " + step + ", " + o.kind()
                            + (o.error() == null ? "" : " (" + o.error() + ")");
                    if (o.uploaded()) {
                        tally.uploads++;
                        tally.fulls += o.kind() == InventoryCadence.Kind.FULL ? 1 : 0;
                        tally.forcedFulls += forceFull ? 1 : 0;
                        assertEquals(set(deviceList(source)), set(admin.discoveredApps(device.deviceId)), where);
                    } else {
                        if (o.kind() == InventoryCadence.Kind.NONE) {
                            tally.notDue++;
                        } else {
                            tally.failedUploads++;
                            assertTrue(via != client, where + ": only the broken routes fail");
                        }
                        assertEquals(set(before), set(admin.discoveredApps(device.deviceId)), where + ": the lab heard nothing");
                    }
                }
            }
            // one more good run (service start: at least a delta) and the two lists agree
            clock.now = clock.now.plus(Duration.ofHours(1));
            InventoryCollector.Outcome last = new InventoryCollector(source, baseline,
                    new GatewayInventoryUploader(client, json, clock), clock).run(true, false);
            assertTrue(last.uploaded(), String.valueOf(last.error()));
            List<InventoryReport.InventoryEntry> expected = deviceList(source);
            List<InventoryReport.InventoryEntry> shown = admin.discoveredApps(device.deviceId);
            assertEquals(set(expected), set(shown), "seed " + seed + " at the end");
            assertEquals(expected.size(), shown.size());
            assertEquals(set(expected), set(baseline.load().stream().map(GatewayInventoryUploader::entry).toList()),
                    "the baseline is what the lab has");
            return expected;
        }
    }

    static List<InventoryReport.InventoryEntry> deviceList(UninstallKeyPrograms source) {
        return source.list().stream().map(GatewayInventoryUploader::entry).toList();
    }

    static Set<InventoryReport.InventoryEntry> set(List<InventoryReport.InventoryEntry> list) {
        Set<InventoryReport.InventoryEntry> s = new HashSet<>(list);
        assertEquals(list.size(), s.size(), "no entry twice: " + list);
        return s;
    }

    /** A port nothing listens on: connecting is refused, as with a gateway that is down. */
    static String deadSideCarUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return "https://127.0.0.1:" + port + "/SideCarGatewayService";
    }

    private static final String[] NAMES = {"7-Zip", "Contoso Notes", "Fabrikam VPN", "Notepad++", "VLC media player",
        "Tailspin Toys", "Northwind CRM", "Wide World Importers", "Adatum Backup", "Litware Reader"};

    static void install(Registry registry, Random random, Tally tally) {
        RegPath root = ROOTS.get(random.nextInt(ROOTS.size()));
        boolean msi = random.nextBoolean();
        String name = NAMES[random.nextInt(NAMES.length)] + (random.nextInt(4) == 0 ? " (x86)" : "");
        String key = msi ? guid(random) : name.replace(' ', '_') + "_" + random.nextInt(1000);
        writeProgram(registry, root.child(key), name, version(random), msi, random);
        tally.installs++;
    }

    /** Writes a program's Uninstall key in one batch, as an installer's transaction does. */
    static void writeProgram(Registry registry, RegPath key, String name, String version, boolean msi, Random random) {
        List<RegOp> ops = new ArrayList<>();
        ops.add(new RegOp.CreateKey(key));
        ops.add(new RegOp.Put(key, "DisplayName", RegValue.sz(name)));
        ops.add(new RegOp.Put(key, "DisplayVersion", RegValue.sz(version)));
        if (random.nextInt(5) > 0) {
            ops.add(new RegOp.Put(key, "Publisher", RegValue.sz(name.split(" ")[0] + " Ltd")));
        }
        if (msi) {
            ops.add(new RegOp.Put(key, "Language", RegValue.dword(random.nextBoolean() ? 1033 : 1031)));
            ops.add(new RegOp.Put(key, "WindowsInstaller", RegValue.dword(1)));
        }
        ops.add(new RegOp.Put(key, "InstallDate", RegValue.sz("2026" + String.format(Locale.ROOT, "%02d%02d",
                1 + random.nextInt(12), 1 + random.nextInt(28)))));
        registry.apply(ops);
    }

    static void uninstall(Registry registry, Random random, Tally tally) {
        RegPath key = anyProgram(registry, random);
        if (key != null) {
            registry.deleteTree(key);
            tally.uninstalls++;
        }
    }

    static void upgrade(Registry registry, Random random, Tally tally) {
        RegPath key = anyProgram(registry, random);
        if (key == null) {
            return;
        }
        String name = ((RegValue.Sz) registry.get(key, "DisplayName").orElseThrow()).value();
        if (UninstallKeyPrograms.isGuidInBraces(key.name()) && random.nextBoolean()) {
            // an MSI major upgrade: the old product goes, a new product code comes
            registry.deleteTree(key);
            writeProgram(registry, key.parent().child(guid(random)), name, version(random), true, random);
            tally.majorUpgrades++;
        } else {
            registry.put(key, "DisplayVersion", RegValue.sz(version(random)));
            if (random.nextBoolean()) {
                registry.put(key, "Publisher", RegValue.sz(name.split(" ")[0] + " Corporation"));
            }
            tally.inPlaceUpgrades++;
        }
    }

    /** Things Programs and Features does not show: they must not reach the lab either. */
    static void oddities(Registry registry, Random random) {
        RegPath root = ROOTS.get(random.nextInt(ROOTS.size()));
        switch (random.nextInt(3)) {
            case 0 -> registry.createKey(root.child("NoDisplayName" + random.nextInt(100)));
            case 1 -> {
                RegPath key = anyProgram(registry, random);
                if (key != null) {
                    // hidden, later shown again: a removal and then an addition
                    boolean hidden = registry.get(key, "SystemComponent").isPresent();
                    if (hidden) {
                        registry.deleteValue(key, "SystemComponent");
                    } else {
                        registry.put(key, "SystemComponent", RegValue.dword(1));
                    }
                }
            }
            default -> {
                RegPath update = root.child("KB" + (5000000 + random.nextInt(1000)));
                registry.createKey(update);
                registry.put(update, "DisplayName", RegValue.sz("Security Update"));
                registry.put(update, "ParentKeyName", RegValue.sz("OperatingSystem"));
            }
        }
    }

    static RegPath anyProgram(Registry registry, Random random) {
        List<RegPath> all = new ArrayList<>();
        for (RegPath root : ROOTS) {
            for (String k : registry.subKeys(root)) {
                RegPath key = root.child(k);
                if (registry.get(key, "DisplayName").isPresent() && registry.get(key, "ParentKeyName").isEmpty()) {
                    all.add(key);
                }
            }
        }
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    static String version(Random random) {
        return (1 + random.nextInt(30)) + "." + random.nextInt(10) + "." + random.nextInt(1000);
    }

    static String guid(Random random) {
        return "{" + new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT) + "}";
    }
}
