package org.imelab.install.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imelab.install.InstallStep;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.install.launch.Distribution;

/**
 * Copies the running distribution (imelab.jar and lib/) into the program folder, so the
 * service does not depend on a build tree. A folder that exists, is not empty and holds no
 * imelab.jar belongs to someone else and is refused.
 */
public final class ProgramFilesStep implements InstallStep {
    private final Distribution source;
    private final Path programDir;

    public ProgramFilesStep(Distribution source, Path programDir) {
        this.source = source;
        this.programDir = programDir.toAbsolutePath().normalize();
    }

    /** Where the main jar will be. */
    public Path installedJar() {
        return programDir.resolve(source.jar().getFileName().toString());
    }

    @Override
    public String name() {
        return "program files " + programDir;
    }

    @Override
    public boolean isDone(StepContext ctx) {
        for (String rel : source.relativeFiles()) {
            Path target = programDir.resolve(rel);
            if (!Files.isRegularFile(target)) {
                return false;
            }
            try {
                if (Files.mismatch(source.folder().resolve(rel), target) != -1L) {
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }

    @Override
    public Undo apply(StepContext ctx) {
        refuseForeignFolder();
        List<String> created = new ArrayList<>(Fs.createDirectories(programDir));
        List<String> written = new ArrayList<>();
        Map<String, byte[]> overwritten = new LinkedHashMap<>();
        try {
            for (String rel : source.relativeFiles()) {
                Path from = source.folder().resolve(rel);
                Path to = programDir.resolve(rel);
                created.addAll(Fs.createDirectories(to.getParent()));
                byte[] before = Fs.readOrNull(to);
                byte[] content = Files.readAllBytes(from);
                if (before != null && Arrays.equals(before, content)) {
                    continue;
                }
                if (before != null) {
                    overwritten.put(to.toString(), before);
                }
                Fs.writeAtomically(to, content);
                written.add(to.toString());
            }
        } catch (IOException | RuntimeException e) {
            new ProgramFilesUndo(written, created, overwritten).revert(ctx);
            throw e instanceof IOException io ? new UncheckedIOException("Cannot copy the program files: " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
        return new ProgramFilesUndo(written, created, overwritten);
    }

    private void refuseForeignFolder() {
        if (!Files.isDirectory(programDir) || Files.isRegularFile(installedJar())) {
            return;
        }
        try (Stream<Path> s = Files.list(programDir)) {
            if (s.findAny().isPresent()) {
                throw new IllegalStateException("The program folder " + programDir
                        + " is not empty and holds no imelab install; choose another one with --program-dir");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
