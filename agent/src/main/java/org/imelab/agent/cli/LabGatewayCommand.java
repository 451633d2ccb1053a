package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabDefinitionException;
import org.imelab.gateway.lab.LabGateway;
import org.imelab.gateway.lab.SampleLab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs the lab gateway alone, in the foreground, until Ctrl-C. */
@Command(name = "lab-gateway",
        description = {"Run a lab SideCar gateway on this machine over HTTPS.",
            "It has its own CA, and asks for mutual TLS once a device is enrolled. Serves the apps of a lab file, re-read when it changes; without --lab, the sample lab.",
            "Exit codes: 0 stopped, 1 failure, 2 the lab file cannot be used."})
public final class LabGatewayCommand implements Callable<Integer> {
    /** The port when none is given: fixed, so agents can be pointed at it once. */
    static final int DEFAULT_PORT = 44380;

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--lab", paramLabel = "FILE",
            description = "The lab file (JSON; see gateway/LAB-FILE.md). Default: the sample lab, copied into the state folder.")
    Path lab;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Where the lab keeps its CA, devices, reports and packed content (default: <home>/lab-gateway).")
    Path state;

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile LabGateway running;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path stateDir = state != null ? state : parent.dataHome().root().resolve("lab-gateway");
        try {
            Path labFile = lab != null ? lab : sampleLab(stateDir, out);
            if (!Files.isRegularFile(labFile)) {
                err.println("imelab lab-gateway: no lab file " + labFile);
                return ExitCodes.REFUSED;
            }
            LabConfig config = LabConfig.of(labFile, stateDir).withPort(port)
                    .withBindAddress(InetAddress.getLoopbackAddress());
            try (LabGateway gateway = LabGateway.start(config)) {
                running = gateway;
                out.println("Lab gateway running (Ctrl-C stops it)");
                out.println("  Lab file        " + labFile.toAbsolutePath());
                out.println("  Management URL  " + gateway.baseUrl());
                out.println("  SideCar URL     " + gateway.sideCarUrl());
                out.println("  Enroll          POST " + gateway.baseUrl() + "/lab/enroll");
                out.println("  Devices         GET  " + gateway.baseUrl() + "/lab/devices");
                out.println("  Trust (root CA) " + gateway.caCertificateFile());
                out.flush();
                Thread hook = new Thread(stop::countDown, "imelab-lab-gateway-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    stop.await();
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // shutting down on a signal: the gateway is closed below all the same
                    }
                }
            } finally {
                running = null;
            }
            return ExitCodes.OK;
        } catch (LabDefinitionException e) {
            err.println("imelab lab-gateway: the lab file cannot be used: " + e.getMessage());
            return ExitCodes.REFUSED;
        } catch (IOException e) {
            err.println("imelab lab-gateway: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /** The sample lab under the state folder, copied there the first time (later edits are kept). */
    private static Path sampleLab(Path stateDir, PrintWriter out) throws IOException {
        Path dir = stateDir.resolve("sample-lab");
        Path file = dir.resolve(SampleLab.LAB_FILE);
        if (!Files.exists(file)) {
            SampleLab.extractTo(dir);
            out.println("Sample lab copied to " + dir);
        }
        return file;
    }

    /** The running gateway, null before it started and after it stopped (for tests). */
    LabGateway running() {
        return running;
    }

    /** Stops a running gateway as Ctrl-C does. */
    void requestStop() {
        stop.countDown();
    }
}
