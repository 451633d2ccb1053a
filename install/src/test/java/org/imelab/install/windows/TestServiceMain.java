package org.imelab.install.windows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.imelab.install.service.HostedService;
import org.imelab.install.service.ServiceHosts;

/**
 * A minimal service program for the Windows tests: offers itself to the SCM like {@code imelab run}
 * does and writes what happened (started, stopped, or foreground when not started by the SCM)
 * into the file named by its only argument.
 */
public final class TestServiceMain {
    private TestServiceMain() {
    }

    public static void main(String[] args) throws IOException {
        Path marker = Path.of(args[0]);
        OptionalInt code = ServiceHosts.runUnderServiceControlManager(new HostedService() {
            @Override
            public void start() throws IOException {
                Files.writeString(marker, "started", StandardCharsets.UTF_8);
            }

            @Override
            public void stop() throws IOException {
                Files.writeString(marker, "stopped", StandardCharsets.UTF_8);
            }
        });
        if (code.isEmpty()) {
            Files.writeString(marker, "foreground", StandardCharsets.UTF_8);
        }
        System.exit(code.orElse(0));
    }
}
