package org.imelab.gateway.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Content phase 3: unpacks a verified zip into a folder ({@code IMECache\{appId}_{version}}) and
 * nothing outside it.
 *
 * <p>Every entry is checked before the first byte is written: a name with a {@code ..} segment, an
 * absolute or drive-qualified path ({@code /x}, {@code \x}, {@code C:x}), a NUL, or an entry the
 * zip marks as a symbolic link or reparse point makes the whole package refused with a
 * {@link PathEscapeException}. While writing, each file's folder is resolved through the real file
 * system and must still lie inside the target (a link planted there beforehand is not followed),
 * and files are opened without following links. If anything fails half-way, what was written is
 * removed again.
 *
 * <p>Backslashes count as separators (zips made on Windows use them). Off Windows, files that start
 * with {@code #!} or an ELF header are made executable, standing in for Windows, which has no
 * execute bit, so lab installers unpacked from a package can run.
 */
public final class SafeUnzipper {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private final boolean markScriptsExecutable;

    public SafeUnzipper() {
        this(!System.getProperty("os.name", "").startsWith("Windows"));
    }

    public SafeUnzipper(boolean markScriptsExecutable) {
        this.markScriptsExecutable = markScriptsExecutable;
    }

    public UnpackedContent unpack(Path zip, Path target) throws IOException, ContentException {
        List<ZipCentralDirectory.Entry> raw = ZipCentralDirectory.read(zip);
        for (ZipCentralDirectory.Entry e : raw) {
            if (e.isLink()) {
                throw new PathEscapeException(e.name(), "Zip entry '" + e.name()
                        + "' is a symbolic link; links are refused");
            }
        }
        Files.createDirectories(target);
        Path root = target.toRealPath();
        try (ZipFile z = open(zip)) {
            List<Planned> plan = plan(z, root);
            return write(z, root, plan);
        }
    }

    private static ZipFile open(Path zip) throws IOException, IntuneWinFormatException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new IntuneWinFormatException("Content is not a readable zip: " + e.getMessage(), e);
        }
    }

    private record Planned(ZipEntry entry, Path relative, boolean directory) {
    }

    /** Checks every name first, so a bad package writes nothing at all. */
    private static List<Planned> plan(ZipFile z, Path root) throws ContentException {
        List<Planned> plan = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ZipEntry e : Collections.list(z.entries())) {
            Path rel = relative(e.getName());
            if (rel == null) {
                continue; // "./" or "/" alone: the root itself
            }
            Path resolved = root.resolve(rel).normalize();
            if (!resolved.startsWith(root) || resolved.equals(root)) {
                throw new PathEscapeException(e.getName(), "Zip entry '" + e.getName() + "' resolves outside "
                        + root);
            }
            // Windows file names ignore case: two entries for one file would overwrite each other
            if (!seen.add(rel.toString().toLowerCase(Locale.ROOT)) && !e.isDirectory()) {
                throw new IntuneWinFormatException("Zip has two entries for '" + rel + "'");
            }
            plan.add(new Planned(e, rel, e.isDirectory() || e.getName().endsWith("\\")));
        }
        return plan;
    }

    /** The entry's path below the target, or null for the root itself; escapes are refused. */
    static Path relative(String name) throws PathEscapeException {
        if (name.indexOf('\0') >= 0) {
            throw new PathEscapeException(name, "Zip entry name contains a NUL character");
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || DRIVE.matcher(n).matches()) {
            throw new PathEscapeException(name, "Zip entry '" + name + "' is an absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String s : n.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                throw new PathEscapeException(name, "Zip entry '" + name + "' climbs out of its folder with '..'");
            }
            if (s.indexOf(':') >= 0) {
                // a drive or an alternate data stream on Windows
                throw new PathEscapeException(name, "Zip entry '" + name + "' has a ':' in a file name");
            }
            parts.add(s);
        }
        if (parts.isEmpty()) {
            return null;
        }
        return Path.of(parts.get(0), parts.subList(1, parts.size()).toArray(String[]::new));
    }

    private UnpackedContent write(ZipFile z, Path root, List<Planned> plan) throws IOException, ContentException {
        List<Path> created = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        boolean ok = false;
        try {
            for (Planned p : plan) {
                Path dest = root.resolve(p.relative());
                if (p.directory()) {
                    makeDirectories(root, dest, created);
                    continue;
                }
                makeDirectories(root, dest.getParent(), created);
                Path parentReal = dest.getParent().toRealPath();
                if (!parentReal.startsWith(root)) {
                    throw new PathEscapeException(p.entry().getName(), "Zip entry '" + p.entry().getName()
                            + "' would be written through a link to " + parentReal);
                }
                bytes += copy(z, p.entry(), dest, created);
                files.add(p.relative());
            }
            ok = true;
            return new UnpackedContent(root, files, bytes);
        } finally {
            if (!ok) {
                for (int i = created.size() - 1; i >= 0; i--) {
                    Files.deleteIfExists(created.get(i));
                }
            }
        }
    }

    private static void makeDirectories(Path root, Path dir, List<Path> created) throws IOException, PathEscapeException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !d.equals(root) && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
            missing.add(d);
        }
        for (int i = missing.size() - 1; i >= 0; i--) {
            Files.createDirectory(missing.get(i));
            created.add(missing.get(i));
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !dir.equals(root)) {
            throw new PathEscapeException(root.relativize(dir).toString(), "'" + dir
                    + "' exists and is not a plain folder (a link or a file)");
        }
    }

    private long copy(ZipFile z, ZipEntry e, Path dest, List<Path> created) throws IOException, ContentException {
        if (Files.isSymbolicLink(dest)) {
            throw new PathEscapeException(e.getName(), "'" + dest + "' already exists as a link");
        }
        boolean existed = Files.exists(dest, LinkOption.NOFOLLOW_LINKS);
        long n = 0;
        byte[] head = new byte[4];
        int headLen = 0;
        try (InputStream in = z.getInputStream(e);
             OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            if (!existed) {
                created.add(dest);
            }
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                if (headLen < head.length) {
                    int k = Math.min(head.length - headLen, r);
                    System.arraycopy(buf, 0, head, headLen, k);
                    headLen += k;
                }
                out.write(buf, 0, r);
                n += r;
            }
        } catch (FileAlreadyExistsException ex) {
            throw new PathEscapeException(e.getName(), "'" + dest + "' could not be created safely");
        } catch (ZipException ex) {
            throw new IntuneWinFormatException("Zip entry '" + e.getName() + "' is corrupt: " + ex.getMessage(), ex);
        }
        if (e.getLastModifiedTime() != null) {
            Files.setLastModifiedTime(dest, FileTime.from(e.getLastModifiedTime().toInstant()));
        }
        if (markScriptsExecutable && isExecutable(head, headLen)) {
            PosixFileAttributeView view = Files.getFileAttributeView(dest, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                perms.add(PosixFilePermission.OWNER_EXECUTE);
                view.setPermissions(perms);
            }
        }
        return n;
    }

    private static boolean isExecutable(byte[] head, int len) {
        return (len >= 2 && head[0] == '#' && head[1] == '!')
                || (len >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F');
    }
}
