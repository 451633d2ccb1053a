package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.imelab.agent.DataHome;
import org.imelab.agent.daemon.AgentConfig;
import org.imelab.agent.daemon.EmsAgent;
import org.imelab.agent.gateway.GatewayClient;
import org.imelab.agent.inventory.GatewayInventoryUploader;
import org.imelab.agent.inventory.InstalledProgram;
import org.imelab.agent.inventory.InventoryCollector;
import org.imelab.agent.inventory.InventoryDelta;
import org.imelab.agent.inventory.InventoryWorkload;
import org.imelab.agent.inventory.LabDeviceClient;
import org.imelab.agent.inventory.RegistryInventoryBaseline;
import org.imelab.agent.inventory.UninstallKeyPrograms;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.testing.ImelabCli;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.registry.Hive;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.InventoryStore;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code imelab inventory [--run [--full]]}: shown from the registry, run through the agent or from here. */
class InventoryCommandTest {
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final RegPath UNINSTALL = RegPath.of(Hive.HKEY_LOCAL_MACHINE)
            .child("Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall");

    @TempDir
    Path home;

    private final MemoryRegistry registry = new MemoryRegistry();
    private final InventoryStore store = new InventoryStore(registry, ImeLayout.standard());
    private final ImelabCli cli = new ImelabCli(() -> home);
    private final List<InventoryDelta> sent = new ArrayList<>();
    private EmsAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.stop();
        }
    }

    private void install(String key, String name, String version) {
        RegPath k = UNINSTALL.child(key);
        registry.createKey(k);
        registry.put(k, "DisplayName", RegValue.sz(name));
        registry.put(k, "DisplayVersion", RegValue.sz(version));
        registry.put(k, "Publisher", RegValue.sz("Contoso"));
    }

    private int imelab(InventoryCommand.LocalGateway gateway, Instant now, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == InventoryCommand.class) {
                    return cls.cast(new InventoryCommand(gateway, Clock.fixed(now, ZoneOffset.UTC)));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        return cli.run(new CommandLine(new ImelabCommand(h -> registry), factory), args);
    }

    private void firstFullInventoryAt(Instant t) {
        InventoryCollector c = new InventoryCollector(new UninstallKeyPrograms(registry),
                new RegistryInventoryBaseline(store), sent::add, Clock.fixed(t, ZoneOffset.UTC));
        assertTrue(c.run(true, false).uploaded());
    }

    @Test
    void showsTheListAndWhatTheNextRunWouldSendAndWhen() {
        install("Contoso.Notes", "Contoso Notes", "1.0");
        install("Contoso.Paint", "Contoso Paint", "2.0");
        firstFullInventoryAt(T0);
        install("Contoso.Paint", "Contoso Paint", "2.1");
        install("Fabrikam.Vpn", "Fabrikam VPN", "7.0");
        registry.deleteTree(UNINSTALL.child("Contoso.Notes"));

        assertEquals(ExitCodes.OK, imelab(InventoryCommand.LocalGateway.NONE, T0.plus(Duration.ofHours(2)), "inventory"));
        String text = cli.out();
        assertTrue(text.contains("Installed applications (2, from Uninstall keys"), text);
        assertTrue(text.contains("  Contoso Paint  2.1  Contoso"), text);
        assertTrue(text.contains("Last full inventory:  2026-11-22 08:00:00"), text);
        assertTrue(text.contains("Last delta inventory: never"), text);
        assertTrue(text.contains("Next inventory:       delta, due 2026-11-23 08:00:00"), text);
        assertTrue(text.contains("It would send 1 added, 1 changed, 1 removed:"), text);
        assertTrue(text.contains("  + Fabrikam VPN  7.0  Contoso"), text);
        assertTrue(text.contains("  ~ Contoso Paint  2.1  Contoso"), text);
        assertTrue(text.contains("  - Contoso Notes  1.0  Contoso"), text);
        assertEquals(1, sent.size(), "showing sends nothing");

        store.clearFirstTimeSwitch();
        assertEquals(ExitCodes.OK, imelab(InventoryCommand.LocalGateway.NONE, T0.plus(Duration.ofHours(2)), "inventory"));
        assertTrue(cli.out().contains("Next inventory:       full, due now"), cli.out());
        assertTrue(cli.out().contains("It would send 2 applications (full)."), cli.out());
    }

    @Test
    void aRunWithoutAgentOrGatewaySaysSoAndRecordsNothing() {
        install("Contoso.Notes", "Contoso Notes", "1.0");
        assertEquals(ExitCodes.NOT_RUNNING, imelab(InventoryCommand.LocalGateway.NONE, T0, "inventory", "--run"));
        assertTrue(cli.err().contains("no agent is running on " + home + " and no gateway is configured"), cli.err());
        assertFalse(store.firstTimeSwitch());
        assertTrue(store.entries().isEmpty());
    }

    @Test
    void aRunGoesThroughTheRunningAgent() throws Exception {
        install("Contoso.Notes", "Contoso Notes", "1.0");
        ManualScheduler scheduler = new ManualScheduler(T0);
        RegistryInventoryBaseline baseline = new RegistryInventoryBaseline(store);
        InventoryWorkload inventory = new InventoryWorkload(new InventoryCollector(new UninstallKeyPrograms(registry),
                baseline, sent::add, scheduler.clock()), baseline, scheduler, Runnable::run);
        AgentConfig config = AgentConfig.defaults(new DataHome(home).ipcSocket())
                .withStartDelayMax(Duration.ZERO).withZone(ZoneOffset.UTC);
        agent = new EmsAgent(config, registry, scheduler, r -> CheckinOutcome.success("ok"), RandomGenerator.getDefault())
                .withInventory(inventory);
        agent.start();
        assertEquals(1, sent.size(), "the service-start run");
        assertTrue(sent.get(0).full());

        install("Fabrikam.Vpn", "Fabrikam VPN", "7.0");
        assertEquals(ExitCodes.OK, imelab(InventoryCommand.LocalGateway.NONE, T0, "inventory", "--run"));
        assertTrue(cli.out().startsWith("Inventory sent (delta)"), cli.out());
        assertTrue(cli.out().contains("  Added: 1"), cli.out());
        assertEquals(List.of("Fabrikam VPN"), sent.get(1).added().stream().map(InstalledProgram::name).toList());

        assertEquals(ExitCodes.OK, imelab(InventoryCommand.LocalGateway.NONE, T0, "inventory", "--run", "--full"));
        assertTrue(sent.get(2).full());
        assertEquals(2, sent.get(2).added().size());
    }

    @Test
    void aRunFromHereSendsToTheGatewayOverHttps() throws Exception {
        install("Contoso.Notes", "Contoso Notes", "1.0");
        Path labFile = home.resolve("lab.json");
        Files.writeString(labFile, "{\"name\": \"inventory cli lab\", \"apps\": []}");
        ManualScheduler scheduler = new ManualScheduler(T0);
        try (LabGateway lab = LabGateway.start(LabConfig.of(labFile, home.resolve("lab-state")));
             LabDeviceClient.LabAdmin admin = new LabDeviceClient.LabAdmin(lab)) {
            LabDeviceClient device = LabDeviceClient.enroll(lab, "INV-CLI");
            InventoryCommand.LocalGateway gateway = h -> {
                GatewayClient client;
                try {
                    client = device.gatewayClient(lab, lab.sideCarUrl(), true, scheduler);
                } catch (java.security.GeneralSecurityException e) {
                    throw new java.io.IOException(e);
                }
                GatewayInventoryUploader uploader = new GatewayInventoryUploader(client, new SideCarJson(), scheduler.clock());
                return Optional.of(new InventoryCommand.LocalUploader() {
                    @Override
                    public void upload(InventoryDelta delta) throws InventoryUploadException {
                        uploader.upload(delta);
                    }

                    @Override
                    public String target() {
                        return client.sideCarUrl();
                    }

                    @Override
                    public void close() {
                        client.close();
                    }
                });
            };
            assertEquals(ExitCodes.OK, imelab(gateway, T0, "inventory", "--run"), cli.err());
            assertTrue(cli.out().contains("Inventory sent: full inventory, 1 application (full)."), cli.out());
            assertEquals(List.of("Contoso Notes"), admin.discoveredApps(device.deviceId).stream()
                    .map(e -> e.name()).toList());
            assertTrue(store.firstTimeSwitch(), "the accepted inventory is the new baseline");
        }
    }
}
