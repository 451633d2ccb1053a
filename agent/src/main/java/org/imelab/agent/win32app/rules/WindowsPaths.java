package org.imelab.agent.win32app.rules;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Windows paths of rules ({@code %ProgramFiles%\7-Zip}, {@code C:\Windows\System32})
 * into files to look at.
 *
 * <p>On Windows: {@code %VAR%} is expanded from the environment (case-insensitive, unknown
 * variables left as they are, as Windows does). A rule with {@code Check32BitOn64System} on a
 * 64-bit system sees what a 32-bit process sees: {@code %ProgramFiles%} and
 * {@code %CommonProgramFiles%} become their {@code (x86)} folders and {@code System32} is
 * redirected to {@code SysWOW64}.
 *
 * <p>Off Windows (a lab device) the same rules work on an emulated Windows layout, like Wine's: the
 * drive {@code C:} is the folder {@code drive_c} under a root (the data home), {@code D:} is
 * {@code drive_d}, and so on; the Windows variables ({@code ProgramFiles}, {@code ProgramData},
 * {@code SystemRoot}, ...) have their usual values on that drive, other variables come from the
 * real environment. Lookups ignore case, as on NTFS. A path that is already a POSIX absolute path
 * ({@code /opt/app}) is used as it is, so a lab can also point a rule at a real Linux file.
 * {@link #environment()} gives child processes the emulated variables as real paths.
 */
public final class WindowsPaths {
    private static final Pattern VAR = Pattern.compile("%([^%]+)%");
    private static final Pattern DRIVE_PATH = Pattern.compile("^([A-Za-z]):(?:[\\\\/](.*))?$");

    private final boolean hostIsWindows;
    private final boolean is64BitOs;
    private final Map<String, String> env;
    private final Path driveParent;

    private WindowsPaths(boolean hostIsWindows, boolean is64BitOs, Map<String, String> env, Path driveParent) {
        this.hostIsWindows = hostIsWindows;
        this.is64BitOs = is64BitOs;
        this.env = env;
        this.driveParent = driveParent;
    }

    /** The real Windows file system and environment. */
    public static WindowsPaths windows(Map<String, String> environment, boolean is64BitOs) {
        return new WindowsPaths(true, is64BitOs, caseInsensitive(environment), null);
    }

    /** An emulated Windows layout under {@code driveParent} ({@code drive_c}, {@code drive_d}, ...). */
    public static WindowsPaths emulated(Path driveParent, Map<String, String> hostEnvironment, boolean is64BitOs) {
        Map<String, String> e = caseInsensitive(hostEnvironment);
        e.putAll(Map.ofEntries(
                Map.entry("SystemDrive", "C:"),
                Map.entry("SystemRoot", "C:\\Windows"),
                Map.entry("windir", "C:\\Windows"),
                Map.entry("ProgramFiles", "C:\\Program Files"),
                Map.entry("ProgramW6432", "C:\\Program Files"),
                Map.entry("ProgramFiles(x86)", is64BitOs ? "C:\\Program Files (x86)" : "C:\\Program Files"),
                Map.entry("CommonProgramFiles", "C:\\Program Files\\Common Files"),
                Map.entry("CommonProgramW6432", "C:\\Program Files\\Common Files"),
                Map.entry("CommonProgramFiles(x86)", is64BitOs ? "C:\\Program Files (x86)\\Common Files"
                        : "C:\\Program Files\\Common Files"),
                Map.entry("ProgramData", "C:\\ProgramData"),
                Map.entry("ALLUSERSPROFILE", "C:\\ProgramData"),
                Map.entry("PUBLIC", "C:\\Users\\Public"),
                // the IME runs as SYSTEM: these are SYSTEM's profile folders
                Map.entry("USERPROFILE", "C:\\Windows\\system32\\config\\systemprofile"),
                Map.entry("APPDATA", "C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming"),
                Map.entry("LOCALAPPDATA", "C:\\Windows\\system32\\config\\systemprofile\\AppData\\Local"),
                Map.entry("TEMP", "C:\\Windows\\Temp"),
                Map.entry("TMP", "C:\\Windows\\Temp")));
        return new WindowsPaths(false, is64BitOs, e, driveParent.toAbsolutePath().normalize());
    }

    private static Map<String, String> caseInsensitive(Map<String, String> m) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(m);
        return out;
    }

    /** Expands {@code %VAR%}; with {@code as32Bit} on a 64-bit system, the 32-bit program folders. */
    public String expand(String text, boolean as32Bit) {
        boolean wow = as32Bit && is64BitOs;
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (wow && (name.equalsIgnoreCase("ProgramFiles") || name.equalsIgnoreCase("CommonProgramFiles"))) {
                name = name + "(x86)";
            }
            String value = env.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The file a rule's Windows path names.
     *
     * @throws IllegalArgumentException for a relative or UNC path, which a rule cannot use here
     */
    public Path resolve(String windowsPath, boolean as32Bit) {
        String p = expand(windowsPath.strip(), as32Bit);
        if (as32Bit && is64BitOs) {
            p = redirectSystem32(p);
        }
        if (hostIsWindows) {
            return Path.of(p);
        }
        if (p.startsWith("/")) {
            return lookupIgnoringCase(Path.of(p));
        }
        Matcher d = DRIVE_PATH.matcher(p);
        if (!d.matches()) {
            throw new IllegalArgumentException("'" + windowsPath + "' is not an absolute Windows path"
                    + (p.equals(windowsPath) ? "" : " (expanded: '" + p + "')"));
        }
        Path drive = drive(d.group(1).charAt(0));
        String rest = d.group(2) == null ? "" : d.group(2);
        Path out = drive;
        for (String part : rest.split("[\\\\/]+")) {
            if (!part.isEmpty() && !part.equals(".")) {
                out = part.equals("..") ? (out.equals(drive) ? drive : out.getParent()) : out.resolve(part);
            }
        }
        return lookupIgnoringCase(out);
    }

    /** The folder standing for a drive letter off Windows ({@code drive_c}). */
    public Path drive(char letter) {
        if (hostIsWindows) {
            return Path.of(Character.toUpperCase(letter) + ":\\");
        }
        return driveParent.resolve("drive_" + Character.toLowerCase(letter));
    }

    /** Variables for child processes: off Windows the emulated ones with their real locations. */
    public Map<String, String> environment() {
        if (hostIsWindows) {
            return Collections.unmodifiableMap(env);
        }
        Map<String, String> out = caseInsensitive(env);
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (DRIVE_PATH.matcher(e.getValue()).matches()) {
                out.put(e.getKey(), resolve(e.getValue(), false).toString());
            }
        }
        return out;
    }

    private static String redirectSystem32(String p) {
        String lower = p.toLowerCase(Locale.ROOT).replace('/', '\\');
        int at = lower.indexOf(":\\windows\\system32");
        if (at == 1) {
            int end = at + ":\\windows\\system32".length();
            if (end == p.length() || p.charAt(end) == '\\' || p.charAt(end) == '/') {
                return p.substring(0, at) + ":\\Windows\\SysWOW64" + p.substring(end);
            }
        }
        return p;
    }

    /** Off Windows, finds each segment ignoring case when the exact name is not there. */
    private static Path lookupIgnoringCase(Path path) {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return path;
        }
        Path out = path.getRoot();
        for (Path segment : path) {
            Path exact = out.resolve(segment);
            if (Files.exists(exact, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(out)) {
                out = exact;
                continue;
            }
            Path match = null;
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
                for (Path child : ds) {
                    if (child.getFileName().toString().equalsIgnoreCase(segment.toString())) {
                        match = child;
                        break;
                    }
                }
            } catch (IOException e) {
                match = null;
            }
            out = match != null ? match : exact;
        }
        return out;
    }
}
