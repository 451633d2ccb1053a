package org.imelab.agent.install;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.imelab.install.process.CommandResult;
import org.imelab.install.process.ProcessCommandRunner;

/** Helpers of the integration tests that drive the packaged imelab.jar as a user would. */
final class InstalledImelab {
    private InstalledImelab() {
    }

    /** The jar `mvn package` built, with lib/ beside it. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("imelab.jar", "target/imelab.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run through `mvn verify`: " + jar + " is built by the package phase");
        return jar;
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
    }

    /** `java -jar imelab.jar <args>`, as a real child process. */
    static CommandResult imelab(String... args) {
        List<String> argv = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
        argv.addAll(List.of(args));
        return new ProcessCommandRunner().run(argv, java.util.Map.of(), Duration.ofMinutes(3));
    }

    /** Waits (on file system events, not on the clock) until {@code file} exists. */
    static void awaitFile(Path file, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(file)) {
            Path dir = file.getParent();
            Path watched = Files.isDirectory(dir) ? dir : dir.getParent();
            try (WatchService ws = FileSystems.getDefault().newWatchService()) {
                watched.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
                if (Files.exists(file) || (watched != dir && Files.isDirectory(dir))) {
                    continue; // it appeared while registering
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0 || ws.poll(left, TimeUnit.MILLISECONDS) == null) {
                    fail(file + " did not appear within " + timeout);
                }
            }
        }
    }

    /** A process's output lines as they come. */
    static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    q.add(line);
                }
            } catch (IOException e) {
                q.add("<output closed: " + e + ">");
            }
        }, "daemon-output");
        t.setDaemon(true);
        t.start();
        return q;
    }

    /** Reads lines until one contains {@code text}; returns every line read. */
    static List<String> awaitLine(BlockingQueue<String> lines, String text, Duration timeout) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            String line = left > 0 ? lines.poll(left, TimeUnit.MILLISECONDS) : null;
            if (line == null) {
                fail("no line containing '" + text + "' within " + timeout + "; saw:\n" + String.join("\n", seen));
            }
            seen.add(line);
            if (line.contains(text)) {
                return seen;
            }
        }
    }

    static SortedMap<String, String> tree(Path root) {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
