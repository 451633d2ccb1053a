package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.imelab.agent.DataHome;
import org.imelab.agent.device.DeviceNames;
import org.imelab.agent.enroll.GatewayTrust;
import org.imelab.agent.enroll.LabEnrollment;
import org.imelab.agent.enroll.LabTrust;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.mdm.CertificateReport;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.LabEnrollmentKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * MDM-enrolls this device with a lab gateway started by {@code imelab lab-gateway}: the issued
 * certificate (with the Intune extensions) goes to the portable {@code LocalMachine\My}, where the
 * Client Cert Checker finds it. {@code imelab run --lab} enrolls with its embedded lab by itself.
 */
@Command(name = "enroll",
        description = {"Enroll this device with a lab gateway: an MDM client certificate into LocalMachine\\My.",
            "For a gateway started with `imelab lab-gateway` (`run --lab` enrolls by itself).",
            "Exit codes: 0 enrolled (or already), 1 failure, 2 refused."})
public final class EnrollCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--lab", arity = "0..1", paramLabel = "URL", fallbackValue = "", required = true,
            description = "The lab gateway's base URL (default https://127.0.0.1:" + LabGatewayCommand.DEFAULT_PORT + ").")
    String lab;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "The lab's root CA (PEM) to trust (default: <home>/lab-gateway/ca/lab-root.pem, "
                    + "where `imelab lab-gateway` keeps it).")
    Path ca;

    @Option(names = "--device-name", paramLabel = "NAME", description = "The device name (default: this host).")
    String deviceName;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataHome home = parent.dataHome();
        String url = lab.isEmpty() ? "https://127.0.0.1:" + LabGatewayCommand.DEFAULT_PORT : lab.replaceAll("/+$", "");
        Path caFile = ca != null ? ca : home.root().resolve("lab-gateway").resolve("ca").resolve("lab-root.pem");
        if (!Files.isRegularFile(caFile)) {
            err.println("imelab enroll: no lab root CA at " + caFile + "; give it with --ca (the lab gateway prints "
                    + "where it is)");
            return ExitCodes.REFUSED;
        }
        try (Registry registry = parent.openRegistry()) {
            List<X509Certificate> roots = CertificateFiles.readCertificates(caFile);
            if (roots.isEmpty()) {
                err.println("imelab enroll: " + caFile + " holds no certificate");
                return ExitCodes.REFUSED;
            }
            X509Certificate root = roots.getFirst();
            ImeLayout layout = ImeLayout.at(parent.imeRoot());
            LabEnrollment enrollment = new LabEnrollment(new PortableCertificateSource(home.certStoreDir()),
                    new LabEnrollmentKey(registry, layout), new GatewayTrust(home), new SideCarJson());
            String name = deviceName != null ? deviceName : DeviceNames.thisMachine();
            LabEnrollment.Enrolled e = enrollment.ensure(url, root, LabTrust.forRoot(root), name, Instant.now());
            out.println(e.reused() ? "Already enrolled with this lab." : "Enrolled.");
            out.println("  Device id     " + e.deviceId());
            out.println("  Device name   " + name);
            out.println("  SideCar URL   " + e.sideCarUrl());
            out.println("  Store         " + e.certificate().location() + "\\My (" + home.certStoreDir() + ")");
            out.println("  Certificate   " + e.certificate().thumbprint());
            for (String line : CertificateReport.describe(e.certificate().certificate())) {
                out.println("    " + line);
            }
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            err.println("imelab enroll: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
