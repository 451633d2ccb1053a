package org.imelab.install.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/**
 * Reverses a {@link FileStep}: puts back the file as it was before (or removes it when there
 * was none), then removes the folders the step created when they are empty.
 *
 * @param before the file's bytes before imelab wrote it, or null when there was no file
 * @param writtenSha256 what imelab last wrote, to tell whether someone changed the file since
 */
public record FileUndo(String path, byte[] before, String writtenSha256, List<String> createdDirectories) implements Undo {

    public FileUndo {
        createdDirectories = List.copyOf(createdDirectories);
    }

    @Override
    public void revert(StepContext ctx) {
        Path file = Path.of(path);
        byte[] now = Fs.readOrNull(file);
        if (now != null && !Fs.sha256(now).equals(writtenSha256)) {
            ctx.report("  note: " + file + " was changed after install; removing it anyway");
        }
        if (before == null) {
            Fs.delete(file);
        } else {
            Fs.writeAtomically(file, before);
        }
        Fs.removeEmptyDirectories(createdDirectories);
    }

    @Override
    public Undo mergeNewer(Undo newer) {
        if (!(newer instanceof FileUndo n)) {
            return this;
        }
        LinkedHashSet<String> dirs = new LinkedHashSet<>(createdDirectories);
        dirs.addAll(n.createdDirectories);
        return new FileUndo(path, before, n.writtenSha256, new ArrayList<>(dirs));
    }
}
