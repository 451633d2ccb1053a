package org.imelab.install.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/** Removes the folders a {@link DirectoryStep} created, innermost first, each only when empty. */
public record DirectoryUndo(List<String> createdDirectories) implements Undo {

    public DirectoryUndo {
        createdDirectories = List.copyOf(createdDirectories);
    }

    @Override
    public void revert(StepContext ctx) {
        Fs.removeEmptyDirectories(createdDirectories);
        if (!createdDirectories.isEmpty() && Files.isDirectory(Path.of(createdDirectories.get(createdDirectories.size() - 1)))) {
            ctx.report("  note: kept " + createdDirectories.get(createdDirectories.size() - 1)
                    + ": it holds data (registry, logs); delete it yourself if you no longer need it");
        }
    }
}
