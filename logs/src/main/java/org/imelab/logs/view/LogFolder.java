package org.imelab.logs.view;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.imelab.logs.file.RotatedLogName;

/**
 * The log folder as readers see it: every {@code *.log} file, the active ones and the rotated
 * {@code {Base}-{yyyyMMdd}-{HHmmss}.log} ones, also files imelab does not write (on a real device
 * the folder holds Sensor.log, NotificationInfra.log, ...).
 */
public final class LogFolder {

    private final Path folder;

    public LogFolder(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    public Path path() {
        return folder;
    }

    /**
     * The log files whose base name {@code baseFilter} accepts, grouped by base name
     * (alphabetically, ignoring case); within a group the rotated files oldest first, then the
     * active file, i.e. the order their lines were written in. Empty if the folder is missing.
     */
    public List<Path> files(Predicate<String> baseFilter) throws IOException {
        List<Entry> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                RotatedLogName.baseOf(name).filter(baseFilter).ifPresent(base -> {
                    if (Files.isRegularFile(p)) {
                        boolean active = name.length() == base.length() + ".log".length();
                        found.add(new Entry(p, base.toLowerCase(Locale.ROOT), active, name.toLowerCase(Locale.ROOT)));
                    }
                });
            }
        }
        found.sort(Comparator.comparing(Entry::base).thenComparing(Entry::active).thenComparing(Entry::name));
        return found.stream().map(Entry::path).toList();
    }

    /** All log files. */
    public List<Path> files() throws IOException {
        return files(base -> true);
    }

    private record Entry(Path path, String base, boolean active, String name) {
    }
}
