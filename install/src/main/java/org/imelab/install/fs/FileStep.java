package org.imelab.install.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;

/**
 * Writes one file that imelab owns (a systemd unit, a desktop entry). A file already there that
 * does not carry {@code ownerMarker} belongs to someone else and is never overwritten.
 */
public final class FileStep implements InstallStep {
    private final String name;
    private final Path file;
    private final byte[] content;
    private final String ownerMarker;

    public FileStep(String name, Path file, String content, String ownerMarker) {
        this.name = name;
        this.file = file.toAbsolutePath().normalize();
        this.content = content.getBytes(StandardCharsets.UTF_8);
        this.ownerMarker = ownerMarker;
        if (!content.contains(ownerMarker)) {
            throw new IllegalArgumentException("Content of " + file + " lacks its owner marker " + ownerMarker);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isDone(StepContext ctx) {
        return Arrays.equals(Fs.readOrNull(file), content);
    }

    @Override
    public Undo apply(StepContext ctx) {
        byte[] before = Fs.readOrNull(file);
        if (before != null && !new String(before, StandardCharsets.UTF_8).contains(ownerMarker)) {
            throw new IllegalStateException(file + " already exists and was not written by imelab; "
                    + "remove it, or choose another --service-name");
        }
        List<String> created = Fs.createDirectories(file.getParent());
        Fs.writeAtomically(file, content);
        return new FileUndo(file.toString(), before, Fs.sha256(content), created);
    }
}
