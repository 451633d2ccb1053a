package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import org.imelab.agent.inventory.InstalledProgram;
import org.imelab.agent.inventory.InstalledPrograms;
import org.imelab.agent.inventory.InstalledProgramsSource;
import org.imelab.agent.inventory.InventoryCadence;
import org.imelab.agent.inventory.InventoryCollector;
import org.imelab.agent.inventory.InventoryDelta;
import org.imelab.agent.inventory.InventoryUploader;
import org.imelab.agent.inventory.RegistryInventoryBaseline;
import org.imelab.agent.ipc.DaemonNotRunningException;
import org.imelab.agent.ipc.IpcClient;
import org.imelab.agent.ipc.IpcResponse;
import org.imelab.agent.ipc.IpcVerb;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.InventoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imelab inventory}: the installed applications, and what the next inventory sends and when. */
@Command(name = "inventory",
        description = {"Show the installed applications as the inventory sees them, when the next inventory is due",
            "and what it would send (Discovered Apps).",
            "With --run, run one now: through the running agent, else from here to the configured gateway.",
            "Exit codes: 0 shown or sent, 1 failure (nothing committed: the next run resends), 3 no agent and no gateway."})
public final class InventoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A gateway a local run can send to, closed after the run. */
    public interface LocalUploader extends InventoryUploader, AutoCloseable {
        /** Where it sends, for the console. */
        String target();

        @Override
        void close();
    }

    /** How a local run (no agent running) reaches a gateway. */
    @FunctionalInterface
    public interface LocalGateway {
        /** The gateway of this data home, or empty when none is configured. */
        Optional<LocalUploader> open(DataHome home) throws IOException;

        /**
         * This build has no device enrollment of its own yet, so a local run has no certificate to
         * present to a gateway: only the running agent (given its gateway client) can send.
         */
        LocalGateway NONE = home -> Optional.empty();
    }

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", description = "Run an inventory now (a delta, or a full one when due).")
    boolean run;

    @Option(names = "--full", description = "With --run: a full inventory. Without: show what a full one would send.")
    boolean full;

    private final LocalGateway localGateway;
    private final Clock clock;

    public InventoryCommand() {
        this(LocalGateway.NONE, Clock.systemDefaultZone());
    }

    /** For embedding and tests: a gateway for local runs, and the clock of "now". */
    public InventoryCommand(LocalGateway localGateway, Clock clock) {
        this.localGateway = localGateway;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataHome home = parent.dataHome();
        if (!run) {
            return show(home, out, err);
        }
        try {
            IpcResponse r = new IpcClient(home.ipcSocket(), DaemonCall.TIMEOUT)
                    .send(full ? IpcVerb.INVENTORY_FULL : IpcVerb.INVENTORY);
            (r.ok() ? out : err).println(r.message());
            r.details().forEach((k, v) -> (r.ok() ? out : err).println("  " + k + ": " + v));
            return r.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (DaemonNotRunningException e) {
            return runLocally(home, out, err);
        } catch (IOException e) {
            err.println("imelab inventory: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private int runLocally(DataHome home, PrintWriter out, PrintWriter err) {
        Optional<LocalUploader> gateway;
        try {
            gateway = localGateway.open(home);
        } catch (IOException e) {
            err.println("imelab inventory: the gateway cannot be reached: " + e.getMessage()
                    + ". Nothing was sent or recorded.");
            return ExitCodes.FAILURE;
        }
        if (gateway.isEmpty()) {
            err.println("imelab inventory: no agent is running on " + home.root() + " and no gateway is configured "
                    + "for a run from here. Start the agent (imelab run) and try again; nothing was sent or recorded.");
            return ExitCodes.NOT_RUNNING;
        }
        try (LocalUploader uploader = gateway.get(); Registry registry = parent.registryOpener().open(home)) {
            InventoryCollector collector = collector(registry, uploader);
            out.println("No agent is running; sending to " + uploader.target());
            InventoryCollector.Outcome o = collector.run(true, full);
            String what = kind(o.kind()) + " inventory, " + summary(o.delta());
            if (!o.uploaded()) {
                err.println("Inventory not sent (" + what + "): " + o.error()
                        + ". The baseline is unchanged; the next run sends it again.");
                return ExitCodes.FAILURE;
            }
            out.println("Inventory sent: " + what + ".");
            return ExitCodes.OK;
        } catch (IOException | RegistryException e) {
            err.println("imelab inventory: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private int show(DataHome home, PrintWriter out, PrintWriter err) {
        try (Registry registry = parent.registryOpener().open(home)) {
            InstalledPrograms source = InstalledProgramsSource.forRegistry(registry);
            InventoryStore store = new InventoryStore(registry, ImeLayout.at(parent.imeRoot()));
            InventoryCollector collector = new InventoryCollector(source, new RegistryInventoryBaseline(store),
                    delta -> {
                        throw new IllegalStateException("imelab inventory only previews");
                    }, clock);
            List<InstalledProgram> installed = source.list().stream()
                    .sorted(Comparator.comparing(InstalledProgram::name, String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(InstalledProgram::version))
                    .toList();
            out.println("Installed applications (" + installed.size() + ", from " + InstalledProgramsSource.describe(source) + "):");
            table(out, installed, "  ");
            out.println();
            out.println("Last full inventory:  " + time(store.lastFullSyncTimeUtc()));
            out.println("Last delta inventory: " + time(store.lastDeltaSyncTimeUtc()));
            out.println("FirstTimeSwitch:      " + (store.firstTimeSwitch() ? "set"
                    : "not set (the next inventory is a full one)"));
            InventoryDelta delta;
            if (full) {
                delta = collector.preview(true);
                out.println("A full inventory now would send " + summary(delta) + ".");
            } else {
                InventoryCollector.Preview next = collector.nextRun();
                delta = next.delta();
                Instant now = clock.instant();
                out.println("Next inventory:       " + kind(next.kind()) + ", "
                        + (next.due().isAfter(now) ? "due " + time(Optional.of(next.due())) : "due now")
                        + " (the running agent also sends a delta when it starts)");
                out.println("It would send " + summary(delta) + (delta.full() ? "." : ":"));
            }
            if (!delta.full()) {
                changes(out, "+ ", delta.added());
                changes(out, "~ ", delta.changed());
                changes(out, "- ", delta.removed());
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IOException | RegistryException | IllegalStateException e) {
            err.println("imelab inventory: the inventory cannot be read: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private InventoryCollector collector(Registry registry, InventoryUploader uploader) {
        return new InventoryCollector(InstalledProgramsSource.forRegistry(registry),
                new RegistryInventoryBaseline(new InventoryStore(registry, ImeLayout.at(parent.imeRoot()))), uploader, clock);
    }

    private static void table(PrintWriter out, List<InstalledProgram> programs, String indent) {
        int name = programs.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        int version = programs.stream().mapToInt(p -> p.version().length()).max().orElse(0);
        for (InstalledProgram p : programs) {
            out.println((indent + pad(p.name(), name) + "  " + pad(p.version(), version) + "  " + p.publisher()).stripTrailing());
        }
    }

    private static void changes(PrintWriter out, String mark, List<InstalledProgram> programs) {
        table(out, programs.stream().sorted(Comparator.comparing(InstalledProgram::name, String.CASE_INSENSITIVE_ORDER))
                .toList(), "  " + mark);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static String summary(InventoryDelta d) {
        if (d == null) {
            return "nothing";
        }
        if (d.full()) {
            return d.added().size() + " application" + (d.added().size() == 1 ? "" : "s") + " (full)";
        }
        return d.added().size() + " added, " + d.changed().size() + " changed, " + d.removed().size() + " removed";
    }

    private static String kind(InventoryCadence.Kind k) {
        return switch (k) {
            case FULL -> "full";
            case DELTA -> "delta";
            case NONE -> "none";
        };
    }

    private String time(Optional<Instant> t) {
        return t.map(i -> TIME.format(i.atZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone())))
                .orElse("never");
    }
}
