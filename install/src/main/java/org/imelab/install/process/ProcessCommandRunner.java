package org.imelab.install.process;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs real child processes with {@link ProcessBuilder}. */
public final class ProcessCommandRunner implements CommandRunner {
    private final Charset outputCharset;

    public ProcessCommandRunner() {
        // console tools print in the platform's native encoding (the OEM code page's cousin on Windows)
        this(Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name())));
    }

    public ProcessCommandRunner(Charset outputCharset) {
        this.outputCharset = outputCharset;
    }

    @Override
    public CommandResult run(List<String> argv, Map<String, String> env, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + timeout);
            }
            return new CommandResult(argv, p.exitValue(), new String(out.get(), outputCharset), new String(err.get(), outputCharset));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + argv.get(0), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the output of " + argv.get(0), e.getCause());
        }
    }

    @Override
    public boolean isAvailable(String program) {
        Path direct = Path.of(program);
        if (direct.isAbsolute()) {
            return Files.isExecutable(direct);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return true;
            }
            if (windows && Files.isExecutable(Path.of(dir, program + ".exe"))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }
}
