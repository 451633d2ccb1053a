package org.imelab.agent.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Logged-on users off Windows. An agent running as root (as the service does) sees every active
 * login session: {@code loginctl list-sessions} and {@code loginctl show-session} where systemd-logind
 * runs, else {@code who}. An agent running as an ordinary account can act for that account only,
 * so it reports itself, in session 0. The commands' output is parsed by the static methods, which
 * the tests feed captured outputs.
 */
public final class PosixLoggedOnUsers implements LoggedOnUsers {

    /** Runs a command and returns its standard output; an IOException when it cannot run or fails. */
    @FunctionalInterface
    public interface Commands {
        String run(List<String> command) throws IOException;
    }

    private final boolean root;
    private final String ownAccount;
    private final Commands commands;

    public PosixLoggedOnUsers(boolean root, String ownAccount, Commands commands) {
        this.root = root;
        this.ownAccount = ownAccount;
        this.commands = commands;
    }

    static PosixLoggedOnUsers forThisMachine() {
        String account = System.getProperty("user.name", "");
        return new PosixLoggedOnUsers("root".equals(account), account, PosixLoggedOnUsers::run);
    }

    @Override
    public List<UserSession> sessions() throws IOException {
        if (!root) {
            return ownAccount == null || ownAccount.isBlank() ? List.of() : List.of(new UserSession(0, ownAccount, null));
        }
        String list;
        try {
            list = commands.run(List.of("loginctl", "list-sessions", "--no-legend"));
        } catch (IOException noLogind) {
            return parseWho(commands.run(List.of("who")));
        }
        List<UserSession> out = new ArrayList<>();
        for (String id : parseListSessions(list)) {
            parseShowSession(commands.run(List.of("loginctl", "show-session", id))).ifPresent(out::add);
        }
        return out;
    }

    /** The session ids of {@code loginctl list-sessions --no-legend} (first column). */
    public static List<String> parseListSessions(String output) {
        List<String> ids = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length >= 3 && !cols[0].isEmpty()) {
                ids.add(cols[0]);
            }
        }
        return ids;
    }

    /**
     * One session of {@code loginctl show-session ID} ({@code Key=Value} lines): present when it
     * is an active user session with a numeric id (greeters, lingering managers and closing
     * sessions are not someone at the machine).
     */
    public static java.util.Optional<UserSession> parseShowSession(String output) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        String name = p.getOrDefault("Name", "");
        if (name.isEmpty() || !"yes".equals(p.get("Active")) || !"user".equals(p.getOrDefault("Class", "user"))
                || !"active".equals(p.getOrDefault("State", "active"))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new UserSession(Integer.parseInt(p.getOrDefault("Id", "")), name, null));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty(); // e.g. "c1" from a display manager: not a numbered login
        }
    }

    /**
     * {@code who}: one line per terminal ({@code alice pts/0 2026-11-22 08:00 (host)}); each account
     * once, numbered in order of appearance from 1, since {@code who} shows no session ids.
     */
    public static List<UserSession> parseWho(String output) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length >= 2 && !cols[0].isEmpty()) {
                seen.putIfAbsent(cols[0], seen.size() + 1);
            }
        }
        List<UserSession> out = new ArrayList<>();
        seen.forEach((account, n) -> out.add(new UserSession(n, account, null)));
        return out;
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = p.getInputStream()) {
            byte[] bytes = in.readNBytes(1 << 20);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within 10 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.getFirst() + " interrupted", e);
        }
    }
}
