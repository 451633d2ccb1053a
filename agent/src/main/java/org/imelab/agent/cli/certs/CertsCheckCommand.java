package org.imelab.agent.cli.certs;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateStoreException;
import org.imelab.certpicker.check.CertCheckReport;
import org.imelab.certpicker.check.CertificateValidationGateway;
import org.imelab.certpicker.check.CheckOutcome;
import org.imelab.certpicker.check.CheckStep;
import org.imelab.certpicker.check.ClientCertChecker;
import org.imelab.certpicker.check.MdmCertificatePicker;
import org.imelab.certpicker.check.MdmCertificateSearch;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.CertMetadataKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code imelab certs check}: one run of the Client Cert Checker, the same one the scheduled task
 * runs, printing each step's outcome; then what GetMDMCert would use.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the Client Cert Checker once and print each step's outcome.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the check ran to an outcome", "1:bad input or an unreadable registry",
            "2:a certificate store or the gateway could not be reached"})
public final class CertsCheckCommand implements Callable<Integer> {
    @ParentCommand
    CertsCommand certs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CertificateSource source = certs.source();
        MdmCertificateSearch search = new MdmCertificateSearch(source);
        Clock clock = Clock.systemUTC();
        try (Registry registry = certs.root().registryOpener().open(certs.root().dataHome())) {
            CertMetadataKey metadata = CertMetadataKey.of(registry);
            CertCheckReport report = new ClientCertChecker(search, metadata, certs.flighting(), validationGateway(),
                    clock).run();
            CheckStep shown = null;
            for (CertCheckReport.Entry e : report.entries()) {
                if (e.step() != shown) {
                    shown = e.step();
                    out.println("Step " + shown.number() + " " + shown.title() + ":");
                }
                out.println("  " + (e.level() == CertCheckReport.Level.INFO ? "" : e.level() + ": ") + e.message());
            }
            out.println("Step " + CheckStep.USE.number() + " " + CheckStep.USE.title() + ":");
            Optional<MdmCertificatePicker.Pick> pick = new MdmCertificatePicker(search, metadata, clock).getMdmCert();
            out.println("  GetMDMCert: " + pick.map(p -> p.certificate().label() + (p.origin()
                    == MdmCertificatePicker.Origin.CERT_METADATA ? ", from CertMetadata" : ", by OID search"))
                    .orElse("no usable MDM certificate"));
            out.println("Outcome: " + report.outcome().summary());
            out.flush();
            return switch (report.outcome()) {
                case CheckOutcome.StoreUnavailable s -> 2;
                case CheckOutcome.GatewayUnavailable g -> 2;
                default -> 0;
            };
        } catch (CertificateStoreException e) {
            spec.commandLine().getErr().println("imelab certs check: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("imelab certs check: cannot open the registry: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("imelab certs check: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Step 4's gateway. The lab gateway's client implements {@link CertificateValidationGateway};
     * until the CLI is given one, validation reports plainly that no gateway is configured.
     */
    private CertificateValidationGateway validationGateway() {
        return request -> {
            throw new IOException("no gateway is configured for certificate validation");
        };
    }
}
