package org.imelab.gateway.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.imelab.gateway.content.ContentException;
import org.imelab.gateway.content.EncryptionInfo;
import org.imelab.gateway.content.IntuneWinPackage;
import org.imelab.gateway.content.IntuneWinPacker;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.content.ContentKeys;

/**
 * The lab's CDN storage under {@code {state}/content/{appId}_{version}/{contentId}/}: the encrypted
 * inner file of the app's {@code .intunewin} (what the real CDN serves as {@code .intunewin.bin})
 * and its keys. A content folder is packed with the real packer on first use and again when any
 * file in it changes (the id is a digest of the folder's names, sizes and times); a given
 * {@code .intunewin} is unpacked once per revision. Each revision is written to a temporary
 * folder and moved into place whole, so a crash never leaves half a package to serve; the two
 * newest revisions are kept, so a download in progress survives one edit.
 */
final class PackingContentStore implements LabContentStore {
    private static final String FILE = IntuneWinPackage.CONTENT_FILE_NAME;
    private static final String KEYS = "keys.json";
    private static final Pattern CONTENT_ID = Pattern.compile("[0-9a-f]{16,64}");
    private static final Pattern APP_KEY = Pattern.compile("[0-9a-fA-F-]{36}_\\d+");

    private final Path dir;
    private final SideCarJson json;
    private final IntuneWinPacker packer = new IntuneWinPacker();

    PackingContentStore(Path dir, SideCarJson json) {
        this.dir = dir;
        this.json = json;
    }

    @Override
    public synchronized Prepared prepare(LabApp app) throws IOException, LabDefinitionException {
        String appKey = app.id() + "_" + app.version();
        String contentId = switch (app.content()) {
            case LabContent.None n -> throw new LabDefinitionException("", "app " + app.id() + " has no content in the lab");
            case LabContent.Folder f -> fingerprint(f.dir(), f.setupFile());
            case LabContent.IntuneWin w -> fingerprint(w.file());
        };
        Optional<Prepared> ready = find(appKey, contentId);
        if (ready.isPresent()) {
            return ready.get();
        }
        Path appDir = dir.resolve(appKey);
        Files.createDirectories(appDir);
        Path work = Files.createTempDirectory(appDir, ".prepare-");
        try {
            Path packageFile = switch (app.content()) {
                case LabContent.Folder f -> packer.pack(f.dir(), Path.of(f.setupFile()), work.resolve("pack")).file();
                case LabContent.IntuneWin w -> w.file();
                case LabContent.None n -> throw new IllegalStateException("unreachable");
            };
            Path revision = work.resolve("revision");
            Files.createDirectories(revision);
            try (IntuneWinPackage pkg = IntuneWinPackage.open(packageFile)) {
                pkg.extractEncryptedContent(revision.resolve(FILE));
                ContentKeys keys = keys(pkg.info().encryptionInfo(), revision.resolve(FILE));
                Files.writeString(revision.resolve(KEYS), json.write(keys), StandardCharsets.UTF_8);
            }
            Files.move(revision, appDir.resolve(contentId), StandardCopyOption.ATOMIC_MOVE);
        } catch (ContentException e) {
            throw new LabDefinitionException("", "cannot package the content of app " + app.id() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LabDefinitionException("", "cannot package the content of app " + app.id() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
        pruneOldRevisions(appDir, contentId);
        return find(appKey, contentId).orElseThrow(() -> new IOException("prepared content vanished: " + appKey));
    }

    @Override
    public synchronized Optional<Prepared> find(String appKey, String contentId) {
        if (!APP_KEY.matcher(appKey).matches() || !CONTENT_ID.matcher(contentId).matches()) {
            return Optional.empty();
        }
        Path revision = dir.resolve(appKey).resolve(contentId);
        Path file = revision.resolve(FILE);
        Path keys = revision.resolve(KEYS);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(keys)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Prepared(appKey, contentId, file, Files.size(file),
                    json.read(Files.readString(keys), ContentKeys.class)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The keys as {@code DecryptInfo} carries them; a package that omits its Mac gets the file's own header. */
    private static ContentKeys keys(EncryptionInfo info, Path encrypted) throws IOException {
        ContentKeys keys = ContentKeys.of(info);
        if (keys.mac() != null) {
            return keys;
        }
        try (InputStream in = Files.newInputStream(encrypted)) {
            String mac = Base64.getEncoder().encodeToString(in.readNBytes(32));
            return new ContentKeys(keys.encryptionKey(), keys.macKey(), keys.iv(), mac, keys.profileIdentifier(),
                    keys.fileDigest(), keys.fileDigestAlgorithm());
        }
    }

    /** A digest of the folder's entries (relative name, size, modification time) and the setup file. */
    private static String fingerprint(Path folder, String setupFile) throws IOException {
        MessageDigest d = sha256();
        d.update(setupFile.getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> folder.relativize(p).toString()))
                    .toList();
        }
        for (Path f : files) {
            d.update((folder.relativize(f).toString().replace('\\', '/') + "\0" + Files.size(f) + "\0"
                    + Files.getLastModifiedTime(f).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    private static String fingerprint(Path file) throws IOException {
        MessageDigest d = sha256();
        d.update((file.toAbsolutePath() + "\0" + Files.size(file) + "\0" + Files.getLastModifiedTime(file).toMillis())
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /** Keeps the current revision and the newest other one (a download of it may still be running). */
    private static void pruneOldRevisions(Path appDir, String keep) throws IOException {
        List<Path> others = new ArrayList<>();
        try (Stream<Path> list = Files.list(appDir)) {
            list.filter(p -> CONTENT_ID.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !p.getFileName().toString().equals(keep)).forEach(others::add);
        }
        others.sort(Comparator.comparing(PackingContentStore::modified).reversed());
        for (int i = 1; i < others.size(); i++) {
            deleteTree(others.get(i));
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0L;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
