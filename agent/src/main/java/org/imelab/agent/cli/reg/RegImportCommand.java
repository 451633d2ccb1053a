package org.imelab.agent.cli.reg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryView;
import org.imelab.registry.regfile.RegImport;
import picocli.CommandLine.Command;

/** {@code reg import FileName [/reg:32 | /reg:64]}: all of a .reg file, or nothing when it is malformed. */
@Command(name = "import",
        description = {"Applies a .reg file (regedit's format, UTF-16 or ANSI), like reg import.",
            "imelab reg import FileName [/reg:32 | /reg:64]",
            "A malformed file is refused with its line number and nothing is imported."})
public final class RegImportCommand extends RegVerb {
    private Path file;
    private RegistryView view;

    @Override
    void parse(List<String> a) throws RegSyntaxException {
        Arguments args = Arguments.walk(a, 1, (name, ignored) -> false); // /reg:32 or /reg:64 only
        String fileText = args.plain(0);
        if (fileText == null) {
            throw new RegSyntaxException("A file name is needed.");
        }
        file = Path.of(fileText).toAbsolutePath();
        view = args.view();
    }

    @Override
    int run(Registry registry) throws IOException {
        if (!Files.isRegularFile(file)) {
            err.println("ERROR: Error opening the file. There may be a disk or file system error. (" + file + ")");
            return 1;
        }
        RegImport.importFile(registry, file, view);
        out.println(SUCCESS);
        return 0;
    }
}
