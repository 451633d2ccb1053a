package org.imelab.logs.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The IME's rollover: when the active {@code {Base}.log} would grow past {@code LogMaxSize} it is
 * renamed to {@code {Base}-{yyyyMMdd}-{HHmmss}.log} (rotation time, local, from the clock) and
 * only the newest {@code LogMaxHistory} rotated files are kept.
 *
 * <p>Two rotations within one second would want the same name; the later one takes the next
 * free second instead, so names keep the IME's exact pattern (which tools glob and parse) and
 * sort in rotation order. Rotated files are ordered by name, i.e. by their time stamp (a clock
 * set back, e.g. at the end of daylight saving time, can misorder them for an hour).
 */
public final class LogRollover {

    private final long maxSizeBytes;
    private final int maxHistory;
    private final Clock clock;

    public LogRollover(long maxSizeBytes, int maxHistory, Clock clock) {
        if (maxSizeBytes <= 0) {
            throw new IllegalArgumentException("LogMaxSize must be positive, got " + maxSizeBytes);
        }
        if (maxHistory < 0) {
            throw new IllegalArgumentException("LogMaxHistory must not be negative, got " + maxHistory);
        }
        this.maxSizeBytes = maxSizeBytes;
        this.maxHistory = maxHistory;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public long maxSizeBytes() {
        return maxSizeBytes;
    }

    public int maxHistory() {
        return maxHistory;
    }

    public Clock clock() {
        return clock;
    }

    /** True if writing {@code incoming} more bytes would take a non-empty file past the limit. */
    public boolean isDue(long size, int incoming) {
        return size > 0 && size + incoming > maxSizeBytes;
    }

    /**
     * Renames {@code active} to its rotated name and deletes rotated files beyond the history.
     *
     * @return the rotated file, or empty if {@code active} did not exist (someone else moved it)
     * @throws IOException if the rename fails; pruning failures are returned in {@link Result#notDeleted()}
     */
    public Result roll(Path active) throws IOException {
        String base = baseOf(active);
        Path folder = active.toAbsolutePath().getParent();
        LocalDateTime time = LocalDateTime.now(clock).withNano(0);
        Path rotated = null;
        for (int attempt = 0; attempt < 3600 && rotated == null; attempt++) {
            Path target = folder.resolve(RotatedLogName.rotated(base, time.plusSeconds(attempt)));
            if (Files.exists(target)) {
                continue;
            }
            try {
                Files.move(active, target);
                rotated = target;
            } catch (FileAlreadyExistsException e) {
                // created between the check and the move: try the next second
            } catch (NoSuchFileException e) {
                return new Result(Optional.empty(), prune(folder, base));
            }
        }
        if (rotated == null) {
            throw new IOException("No free rotated name for " + active + " within an hour of " + time);
        }
        return new Result(Optional.of(rotated), prune(folder, base));
    }

    /** What a rollover did. */
    public record Result(Optional<Path> rotated, List<IOException> notDeleted) {
    }

    /** The rotated files of {@code base} in {@code folder}, oldest first. */
    public static List<Path> rotatedFiles(Path folder, String base) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                if (RotatedLogName.rotationTime(base, p.getFileName().toString()).isPresent()) {
                    found.add(p);
                }
            }
        }
        found.sort((a, b) -> a.getFileName().toString().compareToIgnoreCase(b.getFileName().toString()));
        return found;
    }

    private List<IOException> prune(Path folder, String base) throws IOException {
        List<Path> rotated = rotatedFiles(folder, base);
        List<IOException> failures = new ArrayList<>();
        for (int i = 0; i < rotated.size() - maxHistory; i++) {
            try {
                Files.deleteIfExists(rotated.get(i));
            } catch (IOException e) {
                failures.add(e); // e.g. held open without delete sharing by a reader on Windows
            }
        }
        return failures;
    }

    private static String baseOf(Path active) {
        String name = active.getFileName().toString();
        return RotatedLogName.baseOf(name)
                .orElseThrow(() -> new IllegalArgumentException("Not a .log file: " + active));
    }
}
