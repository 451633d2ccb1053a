package org.imelab.agent.cli.certs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.mdm.CertificateReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code imelab certs show FILE}: decodes a certificate file (PEM or DER) as the checker sees it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Decode a certificate file (PEM or DER): ids from the Intune extensions, the others raw.")
public final class CertsShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A .pem, .crt, .cer or .der file.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<X509Certificate> certs;
        try {
            certs = CertificateFiles.readCertificates(file);
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("imelab certs show: no such file: " + file);
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("imelab certs show: " + e.getMessage());
            return 1;
        }
        for (int i = 0; i < certs.size(); i++) {
            if (certs.size() > 1) {
                out.println((i == 0 ? "" : "\n") + "Certificate " + (i + 1) + " of " + certs.size());
            }
            CertificateReport.describe(certs.get(i)).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
