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
        ViewSwitch view = new ViewSwitch();
        String keyText = null;
        String fileText = null;
        for (String t : a) {
            if (!isSwitch(t)) {
                if (keyText == null) {
                    keyText = t;
                } else if (fileText == null) {
                    fileText = t;
                } else {
                    throw new RegSyntaxException("Unexpected argument: " + t);
                }
                continue;
            }
            String name = switchName(t);
            if (view.accept(name)) {
                continue;
            }
            if (!name.equals("y")) {
                throw new RegSyntaxException("Unknown switch " + t + ".");
            }
            overwrite = true;
        }
        if (keyText == null || fileText == null) {
            throw new RegSyntaxException("A key name and a file name are needed.");
        }
        key = key(keyText, view.view());
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
