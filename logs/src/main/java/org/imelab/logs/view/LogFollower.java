package org.imelab.logs.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.imelab.logs.cmtrace.CmTraceFileCursor;
import org.imelab.logs.cmtrace.CmTraceRecord;
import org.imelab.logs.file.RotatedLogName;

/**
 * Reads all log files of a folder and then follows them: the first {@link #poll()} returns
 * every record present, each later one the records written since, across all files, in time
 * order.
 *
 * <p>Rotation: files are tracked by identity (the file key, i.e. device and inode, on Linux and
 * macOS), so when the writer renames {@code Base.log} to {@code Base-yyyyMMdd-HHmmss.log} the
 * follower keeps reading the renamed file where it was (lines written just before the rotation
 * are not lost) and reads the new {@code Base.log} from its start. Where the platform has no file
 * key (Windows) files are tracked by path: a rotated file that appears while following is
 * taken to be the renamed active file and skipped, and the new active file, being shorter, is
 * read from its start; lines written between the last poll and a rotation can be missed there.
 */
public final class LogFollower {

    private final LogFolder folder;
    private final Predicate<String> fileFilter;
    private final ZoneId zone;
    private final Map<Object, Tracked> tracked = new LinkedHashMap<>();
    private boolean polled;

    private static final class Tracked {
        final CmTraceFileCursor cursor;
        LocalDateTime lastTime;

        Tracked(CmTraceFileCursor cursor) {
            this.cursor = cursor;
        }
    }

    /**
     * @param folder     the log folder
     * @param fileFilter which base names to read ({@link LogFilter#fileFilter()})
     * @param zone       the viewer's zone, for lines that carry a ConfigMgr bias
     */
    public LogFollower(LogFolder folder, Predicate<String> fileFilter, ZoneId zone) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.fileFilter = Objects.requireNonNull(fileFilter, "fileFilter");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Records completed since the last poll (all of them on the first), oldest first. */
    public List<LogEntry> poll() throws IOException {
        List<LogEntry> batch = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Path path : folder.files(fileFilter)) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                continue; // rotated or deleted since the listing; the next poll finds it
            }
            Object key = attributes.fileKey() != null ? attributes.fileKey() : path.toAbsolutePath();
            if (!seen.add(key)) {
                continue;
            }
            Tracked t = tracked.get(key);
            if (t == null) {
                t = new Tracked(new CmTraceFileCursor(path));
                if (polled && attributes.fileKey() == null && isRotatedName(path)) {
                    t.cursor.reset(attributes.size());
                }
                tracked.put(key, t);
            } else if (!t.cursor.path().equals(path)) {
                t.cursor.moved(path);
            }
            try {
                add(batch, t, t.cursor.read(attributes.size()));
            } catch (NoSuchFileException e) {
                // rotated away between the listing and the read: read on under its new name next time
            }
        }
        tracked.keySet().retainAll(seen);
        polled = true;
        return sorted(batch);
    }

    /**
     * For a one-time read: the last records of files whose last line has no line break yet (a
     * complete record all the same). Records still open are counted as stray.
     */
    public List<LogEntry> finish() {
        List<LogEntry> batch = new ArrayList<>();
        for (Tracked t : tracked.values()) {
            add(batch, t, t.cursor.finish());
        }
        return sorted(batch);
    }

    /** {@link #poll()} then {@link #finish()}: everything in the folder now, oldest first. */
    public List<LogEntry> readAll() throws IOException {
        List<LogEntry> all = new ArrayList<>(poll());
        all.addAll(finish());
        return sorted(all);
    }

    /** Lines read so far that belong to no record (comments, other formats, unfinished records). */
    public int strayLines() {
        int n = 0;
        for (Tracked t : tracked.values()) {
            n += t.cursor.strayLines();
        }
        return n;
    }

    private void add(List<LogEntry> batch, Tracked t, List<CmTraceRecord> records) {
        for (CmTraceRecord r : records) {
            LocalDateTime time = localTime(r);
            if (time == null) {
                time = t.lastTime;
            } else {
                t.lastTime = time;
            }
            batch.add(new LogEntry(r, time));
        }
    }

    private LocalDateTime localTime(CmTraceRecord r) {
        if (r.biasMinutes().isEmpty()) {
            return r.localDateTime();
        }
        var instant = r.instant(zone);
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    private static boolean isRotatedName(Path path) {
        String name = path.getFileName().toString();
        return RotatedLogName.baseOf(name)
                .flatMap(base -> RotatedLogName.rotationTime(base, name))
                .isPresent();
    }

    /** Stable: equal times keep file order (rotated files before the active one) and line order. */
    private static List<LogEntry> sorted(List<LogEntry> batch) {
        batch.sort(Comparator.comparing(LogEntry::localTime, Comparator.nullsFirst(Comparator.naturalOrder())));
        return batch;
    }
}
