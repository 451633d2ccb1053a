package org.imelab.agent.cli.reg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import org.imelab.registry.regfile.RegExport;
import picocli.CommandLine.Command;

/** {@code reg export KeyName FileName [/y] [/reg:32 | /reg:64]}: a .reg file regedit and reg import accept. */
@Command(name = "export",
        description = {"Writes a key and everything below it to a .reg file, like reg export.",
            "imelab reg export KeyName FileName [/y] [/reg:32 | /reg:64]",
            "  /y    overwrite an existing file without asking"})
public final class RegExportCommand extends RegVerb {
    private RegPath key;
    private Path file;
    private boolean overwrite;

    @Override
    void parse(List<String> a) throws RegSyntaxException {
        Arguments args = Arguments.walk(a, 2, (name, ignored) -> {
            if (!name.equals("y")) {
                return false;
            }
            overwrite = true;
            return true;
        });
        String keyText = args.plain(0);
        String fileText = args.plain(1);
        if (keyText == null || fileText == null) {
            throw new RegSyntaxException("A key name and a file name are needed.");
        }
        key = key(keyText, args.view());
        file = Path.of(fileText).toAbsolutePath();
    }

    @Override
    int run(Registry registry) throws IOException {
        if (!registry.exists(key)) {
            err.println(NOT_FOUND);
            return 1;
        }
        if (Files.exists(file) && !overwrite && !confirm("File " + file + " already exists. Overwrite")) {
            out.println(CANCELED);
            return 0;
        }
        RegExport.export(registry, key, file);
        out.println(SUCCESS);
        return 0;
    }
}
