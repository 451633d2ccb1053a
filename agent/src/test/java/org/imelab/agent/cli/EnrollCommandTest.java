package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.gateway.lab.LabConfig;
import org.imelab.gateway.lab.LabGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code imelab enroll --lab} against a lab gateway running beside it, as `imelab lab-gateway` runs one. */
class EnrollCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run imelab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ImelabCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void enrollsOnceIntoTheMachineStoreAndThenReusesTheEnrollment(@TempDir Path home) throws Exception {
        Path labFile = home.resolve("lab.json");
        Files.writeString(labFile, "{ \"name\": \"enroll test\", \"apps\": [] }");
        LabConfig config = LabConfig.of(labFile, home.resolve("lab-gateway")).withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress());
        try (LabGateway gateway = LabGateway.start(config)) {
            Run first = imelab("--home", home.toString(), "enroll", "--lab", gateway.baseUrl(), "--device-name", "LAB-PC7");
            assertEquals(0, first.code(), first.err());
            assertTrue(first.out().startsWith("Enrolled."), first.out());
            assertTrue(first.out().contains("Account id (1.2.840.113556.5.6):"), first.out());
            assertEquals(1, gateway.devices().size());
            assertTrue(Files.isRegularFile(home.resolve("trust").resolve("gateway-root.pem")),
                    "the gateway's root is kept for later check-ins");

            Run again = imelab("--home", home.toString(), "enroll", "--lab", gateway.baseUrl());
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().startsWith("Already enrolled with this lab."), again.out());
            assertEquals(1, gateway.devices().size(), "no second enrollment");
            assertEquals(1, new PortableCertificateSource(home.resolve("certstore")).list(StoreLocation.LOCAL_MACHINE).size());
        }
    }

    @Test
    void withoutTheLabRootItRefusesAndChangesNothing(@TempDir Path home) {
        Run r = imelab("--home", home.toString(), "enroll", "--lab", "https://127.0.0.1:1");
        assertEquals(ExitCodes.REFUSED, r.code());
        assertTrue(r.err().contains("no lab root CA"), r.err());
        assertTrue(Files.notExists(home.resolve("certstore")));
    }
}
