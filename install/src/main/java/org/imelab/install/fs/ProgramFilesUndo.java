package org.imelab.install.fs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/**
 * Reverses a {@link ProgramFilesStep}: deletes the files it wrote and the folders it created.
 * Within the install run that made it, it also holds the bytes of files it overwrote (an
 * upgrade) so a failed upgrade can put the previous version back; those bytes are never written
 * into the manifest.
 */
public record ProgramFilesUndo(List<String> files, List<String> createdDirectories,
                               @JsonIgnore Map<String, byte[]> overwritten) implements Undo {

    public ProgramFilesUndo {
        files = List.copyOf(files);
        createdDirectories = List.copyOf(createdDirectories);
        overwritten = overwritten == null ? Map.of() : Map.copyOf(overwritten);
    }

    @Override
    public void revert(StepContext ctx) {
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = Path.of(files.get(i));
            byte[] before = overwritten.get(files.get(i));
            if (before != null) {
                Fs.writeAtomically(file, before);
            } else {
                Fs.delete(file);
            }
        }
        Fs.removeEmptyDirectories(createdDirectories);
    }

    @Override
    public Undo mergeNewer(Undo newer) {
        if (!(newer instanceof ProgramFilesUndo n)) {
            return this;
        }
        LinkedHashSet<String> f = new LinkedHashSet<>(files);
        f.addAll(n.files);
        LinkedHashSet<String> d = new LinkedHashSet<>(createdDirectories);
        d.addAll(n.createdDirectories);
        return new ProgramFilesUndo(new ArrayList<>(f), new ArrayList<>(d), Map.of());
    }
}
