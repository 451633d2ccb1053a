package org.imelab.install.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/** Makes sure a folder exists (the data home); undo removes what it created, when empty. */
public final class DirectoryStep implements InstallStep {
    private final String name;
    private final Path dir;

    public DirectoryStep(String name, Path dir) {
        this.name = name;
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isDone(StepContext ctx) {
        return Files.isDirectory(dir);
    }

    @Override
    public Undo apply(StepContext ctx) {
        return new DirectoryUndo(Fs.createDirectories(dir));
    }
}
