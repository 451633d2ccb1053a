package org.imelab.agent.win32app.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Local accounts off Windows, from the name service ({@code getent passwd}, which also sees LDAP or
 * SSSD users), else {@code /etc/passwd}.
 */
public final class PosixAccounts {
    /** A portable user name; anything else (an option-like {@code -x}, a colon) is refused. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}\\$?");
    private static final long LOOKUP_TIMEOUT_SECONDS = 10;

    /** One passwd entry. */
    public record Account(String name, long uid, long gid, String home) {
    }

    /** The account's entry; empty when there is no such account or the name is not a user name. */
    public Optional<Account> find(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<List<String>> fromNss = getent(name);
        List<String> lines = fromNss.isPresent() ? fromNss.get()
                : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8);
        return lines.stream().map(PosixAccounts::parse).flatMap(Optional::stream)
                .filter(a -> a.name().equals(name)).findFirst();
    }

    /** The getent answer, or empty when getent cannot be run (then /etc/passwd is read). */
    private static Optional<List<String>> getent(String name) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("getent", "passwd", name).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            // one passwd line fits the pipe, so waiting first cannot block getent; a hung name service can't hang us
            if (!p.waitFor(LOOKUP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("getent passwd " + name + " did not answer");
            }
            // exit 2 (no such key) is an answer too
            return Optional.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while looking up account " + name, e);
        }
    }

    /** name:password:uid:gid:gecos:home:shell */
    static Optional<Account> parse(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 7) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Account(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f[5]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
