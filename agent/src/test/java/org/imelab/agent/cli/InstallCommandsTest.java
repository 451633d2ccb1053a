package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imelab.install.service.ServiceHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The install commands' refusals and answers that need no packaged jar (the full install runs in
 * the integration tests, against the jar).
 */
class InstallCommandsTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ImelabCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void installFromClassesInsteadOfTheJarIsRefusedAndChangesNothing() throws Exception {
        assumeFalse(ServiceHosts.isWindows());
        Path root = Files.createDirectories(tmp.resolve("root"));

        int code = run("--home", tmp.resolve("home").toString(), "install", "--root", root.toString());

        assertEquals(ExitCodes.REFUSED, code);
        assertTrue(err.toString().contains("install copies the packaged imelab.jar"), err.toString());
        try (var s = Files.list(root)) {
            assertEquals(0, s.count());
        }
        assertTrue(Files.notExists(tmp.resolve("home")));
    }

    @Test
    void anInvalidServiceNameIsRefused() {
        int code = run("--home", tmp.toString(), "install", "--service-name", "bad name/with slash", "--root", tmp.toString());
        assertEquals(ExitCodes.REFUSED, code);
        assertTrue(err.toString().contains("Invalid service name"), err.toString());
    }

    @Test
    void eachInstallCommandRefusesABadTargetInItsOwnName() {
        for (String command : new String[] {"install", "uninstall", "service status", "health"}) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("--home", tmp.toString()));
            args.addAll(List.of(command.split(" ")));
            args.addAll(List.of("--service-name", "bad name/with slash", "--root", tmp.toString()));
            assertEquals(ExitCodes.REFUSED, run(args.toArray(String[]::new)), command);
            assertTrue(err.toString().startsWith("imelab " + command + ": Invalid service name 'bad name/with slash'"),
                    err.toString());
        }
    }

    @Test
    void userAndSystemTogetherAreAUsageError() {
        int code = run("install", "--user", "--system", "--root", tmp.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    }

    @Test
    void uninstallWithoutAnInstallSaysSoAndRefuses() {
        assumeFalse(ServiceHosts.isWindows());
        int code = run("--home", tmp.resolve("home").toString(), "uninstall", "--root", tmp.toString());
        assertEquals(ExitCodes.REFUSED, code);
        assertTrue(err.toString().contains("Nothing to uninstall"), err.toString());
    }

    @Test
    void serviceStatusOfNothingInstalledBelowARootIsNotInstalled() {
        assumeFalse(ServiceHosts.isWindows());
        int code = run("--home", tmp.resolve("home").toString(), "service", "status", "--root", tmp.toString());
        assertEquals(ExitCodes.NOT_INSTALLED, code);
        assertTrue(out.toString().contains("not installed"), out.toString());
    }
}
