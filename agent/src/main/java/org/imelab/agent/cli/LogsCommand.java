package org.imelab.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.imelab.logs.cmtrace.CmTraceType;
import org.imelab.logs.view.LogEntry;
import org.imelab.logs.view.LogFilter;
import org.imelab.logs.view.LogFolder;
import org.imelab.logs.view.LogFollower;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code imelab logs}: the records of all IME log files (rotated ones too) merged in time order,
 * filtered, and optionally followed. Reads only: it never opens an IME log for writing.
 */
@Command(name = "logs",
        description = {"Show the IME log files (CMTrace), rotated ones included, merged in time order.",
            "Filters combine with AND; a filter given several values (comma-separated) matches any of them."},
        mixinStandardHelpOptions = true)
public final class LogsCommand implements Callable<Integer> {

    /** How often {@code --follow} looks for new lines. */
    static final Duration FOLLOW_INTERVAL = Duration.ofMillis(500);

    /** Waits between two looks at the files in {@code --follow}; returns false to stop. */
    interface Pacer {
        boolean pause() throws InterruptedException;
    }

    @ParentCommand
    ImelabCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", split = ",", paramLabel = "NAME",
            description = "Only these files, by base name: AppWorkload selects AppWorkload.log and its rotated files.")
    List<String> files;

    @Option(names = "--component", split = ",", paramLabel = "NAME", description = "Only records of these components.")
    List<String> components;

    @Option(names = "--type", split = ",", paramLabel = "TYPE",
            description = "Only these types: 1|info, 2|warning, 3|error.")
    List<String> types;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only records whose message contains TEXT (any case).")
    String grep;

    @Option(names = "--app", paramLabel = "ID", description = "Only records that mention this app id.")
    String app;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only records from WHEN on: 2024-09-27T07:18, 2024-09-27, or an age: 30s, 10m, 2h, 1d.")
    String since;

    @Option(names = {"-f", "--follow"}, description = "Keep showing new records as they are written (Ctrl-C ends).")
    boolean follow;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Read this folder instead of the data home's Logs (e.g. logs collected from a device).")
    Path dir;

    @Option(names = "--no-color", description = "No colours, even on a terminal.")
    boolean noColor;

    Clock clock = Clock.systemDefaultZone();

    Pacer pacer = () -> {
        Thread.sleep(FOLLOW_INTERVAL.toMillis());
        return true;
    };

    @Override
    public Integer call() throws IOException {
        LogFilter filter = filter();
        Path folder = dir != null ? dir : parent.dataHome().logsDir();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogFolder logFolder = new LogFolder(folder);
        if (!follow && logFolder.files(filter.fileFilter()).isEmpty()) {
            err.println(Files.isDirectory(folder) ? "No matching log files in " + folder : "No log folder at " + folder);
            err.flush();
            return 0;
        }
        LogFollower follower = new LogFollower(logFolder, filter.fileFilter(), clock.getZone());
        LogLineFormat format = new LogLineFormat(!noColor && CommandLine.Help.Ansi.AUTO.enabled());
        if (!follow) {
            print(follower.readAll(), filter, format, out);
            if (follower.strayLines() > 0) {
                err.println(follower.strayLines() + " line(s) outside CMTrace records were not shown.");
                err.flush();
            }
            return 0;
        }
        print(follower.poll(), filter, format, out);
        try {
            while (pacer.pause()) {
                print(follower.poll(), filter, format, out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void print(List<LogEntry> entries, LogFilter filter, LogLineFormat format, PrintWriter out) {
        for (LogEntry e : entries) {
            if (filter.test(e.record(), e.localTime())) {
                out.println(format.format(e));
            }
        }
        out.flush();
    }

    private LogFilter filter() {
        Set<CmTraceType> wanted = EnumSet.noneOf(CmTraceType.class);
        LocalDateTime from = null;
        try {
            if (types != null) {
                for (String t : types) {
                    wanted.add(CmTraceType.parse(t));
                }
            }
            if (since != null) {
                from = LogFilter.parseSince(since, clock);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return new LogFilter(files == null ? null : Set.copyOf(files),
                components == null ? null : Set.copyOf(components), wanted, grep, app, from);
    }
}
