package org.imelab.install.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.install.process.CommandFailedException;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.CommandRunner;

/**
 * {@code schtasks.exe}, run as a real child process: create a task from XML, read a task's XML,
 * delete a task. Every call checks the exit code and carries schtasks' own output into errors.
 */
public final class Schtasks {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CommandRunner commands;
    private final String exe;

    public Schtasks(CommandRunner commands) {
        this(commands, "schtasks.exe");
    }

    public Schtasks(CommandRunner commands, String exe) {
        this.commands = commands;
        this.exe = exe;
    }

    /** {@code schtasks /Create /XML file /TN name /F}: creates or replaces the task. */
    public void create(String taskPath, String xml) {
        Path file;
        try {
            file = Files.createTempFile("imelab-task-", ".xml");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the task XML: " + e.getMessage(), e);
        }
        try {
            // Task Scheduler reads the file in the encoding its declaration names: UTF-16 with a BOM
            byte[] bom = {(byte) 0xFF, (byte) 0xFE};
            byte[] body = xml.getBytes(StandardCharsets.UTF_16LE);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, 2);
            System.arraycopy(body, 0, all, 2, body.length);
            Files.write(file, all);
            check(commands.run(List.of(exe, "/Create", "/XML", file.toString(), "/TN", taskPath, "/F"), Map.of(), TIMEOUT));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the task XML: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is not worth failing the install for
            }
        }
    }

    /** The task's XML as Task Scheduler holds it, or empty when there is no such task. */
    public Optional<String> query(String taskPath) {
        CommandResult r = commands.run(List.of(exe, "/Query", "/TN", taskPath, "/XML"), Map.of(), TIMEOUT);
        return r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
    }

    /** {@code schtasks /Delete /TN name /F}; nothing happens when the task is not there. */
    public void delete(String taskPath) {
        if (query(taskPath).isEmpty()) {
            return;
        }
        check(commands.run(List.of(exe, "/Delete", "/TN", taskPath, "/F"), Map.of(), TIMEOUT));
    }

    private static void check(CommandResult r) {
        if (r.exitCode() != 0) {
            throw new CommandFailedException(r);
        }
    }
}
