package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.imelab.gateway.content.ApplicationInfo;
import org.imelab.gateway.content.ContentException;
import org.imelab.gateway.content.IntuneWinPacker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imelab pack SOURCE_DIR SETUP_FILE OUT_DIR}: builds a {@code .intunewin} in the real
 * format, like IntuneWinAppUtil's {@code -c -s -o}, on any platform. The keys go into the
 * package's Detection.xml only; nothing secret is printed.
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Build an .intunewin package in the real format (stored outer zip, Detection.xml, "
                + "encrypted content), as IntuneWinAppUtil does.",
            "The package is written to OUT_DIR as <setup file name>.intunewin.",
            "Exit codes: 0 packed, 2 bad arguments, 1 failure."})
public final class PackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE_DIR", description = "The folder to package.")
    Path sourceDir;

    @Parameters(index = "1", paramLabel = "SETUP_FILE",
            description = "The setup file, relative to SOURCE_DIR or a path inside it.")
    Path setupFile;

    @Parameters(index = "2", paramLabel = "OUT_DIR", description = "Where the package is written (created if missing).")
    Path outDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            IntuneWinPacker.Packed packed = new IntuneWinPacker().pack(sourceDir, setupFile, outDir);
            ApplicationInfo info = packed.info();
            out.println("Packed " + packed.file());
            out.println("  Name:                   " + info.name());
            out.println("  SetupFile:              " + info.setupFile());
            out.println("  UnencryptedContentSize: " + info.unencryptedContentSize());
            info.msiInfo().ifPresent(m -> out.println("  MsiProductCode:         " + m.productCode()
                    + " (version " + m.productVersion() + ")"));
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("imelab pack: " + e.getMessage());
            return ExitCodes.REFUSED;
        } catch (IOException | ContentException e) {
            err.println("imelab pack: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
