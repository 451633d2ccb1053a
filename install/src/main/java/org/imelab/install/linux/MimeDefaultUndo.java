package org.imelab.install.linux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.install.fs.Fs;

/**
 * Reverses a {@link MimeDefaultStep}. When the list is as imelab left it, it gets back its exact
 * earlier bytes (or goes, when there was none); when someone changed it since, only imelab's
 * association is taken out and the rest is kept.
 */
public record MimeDefaultUndo(String path, byte[] before, String writtenSha256, String mimeType,
                              String desktopId, List<String> createdDirectories) implements Undo {

    public MimeDefaultUndo {
        createdDirectories = List.copyOf(createdDirectories);
    }

    @Override
    public void revert(StepContext ctx) {
        Path file = Path.of(path);
        byte[] now = Fs.readOrNull(file);
        if (now != null && Fs.sha256(now).equals(writtenSha256)) {
            if (before == null) {
                Fs.delete(file);
            } else {
                Fs.writeAtomically(file, before);
            }
        } else if (now != null) {
            String edited = MimeAppsList.parse(new String(now, StandardCharsets.UTF_8)).withoutDefault(mimeType, desktopId).text();
            Fs.writeAtomically(file, edited.getBytes(StandardCharsets.UTF_8));
        }
        Fs.removeEmptyDirectories(createdDirectories);
    }

    @Override
    public Undo mergeNewer(Undo newer) {
        return newer instanceof MimeDefaultUndo n
                ? new MimeDefaultUndo(path, before, n.writtenSha256, mimeType, desktopId, createdDirectories)
                : this;
    }
}
