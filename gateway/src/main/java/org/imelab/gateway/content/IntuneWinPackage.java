package org.imelab.gateway.content;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An outer {@code .intunewin} file opened for reading (C §4.1): a stored zip holding
 * {@code IntuneWinPackage/Metadata/Detection.xml} and the encrypted
 * {@code IntuneWinPackage/Contents/IntunePackage.intunewin}. The lab gateway serves that inner file
 * as the CDN object; the agent never sees the outer zip.
 *
 * <p>Entry names are matched without case and with either slash. The content entry is looked up by
 * the last segment of Detection.xml's {@code FileName} (some packers write an absolute temp path
 * there), then by the standard name, then as the only file under {@code Contents/}.
 */
public final class IntuneWinPackage implements Closeable {
    public static final String ROOT = "IntuneWinPackage";
    public static final String DETECTION_XML = ROOT + "/Metadata/Detection.xml";
    public static final String CONTENTS = ROOT + "/Contents/";
    public static final String CONTENT_FILE_NAME = "IntunePackage.intunewin";

    private final ZipFile zip;
    private final ApplicationInfo info;
    private final ZipEntry content;

    private IntuneWinPackage(ZipFile zip, ApplicationInfo info, ZipEntry content) {
        this.zip = zip;
        this.info = info;
        this.content = content;
    }

    public static IntuneWinPackage open(Path file) throws IOException, IntuneWinFormatException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IntuneWinFormatException(file + " is not a .intunewin package (not a zip: " + e.getMessage() + ")", e);
        }
        try {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            ZipEntry xml = find(entries, DETECTION_XML);
            if (xml == null) {
                throw new IntuneWinFormatException(file + " is not a .intunewin package: no " + DETECTION_XML);
            }
            ApplicationInfo info;
            try (InputStream in = zip.getInputStream(xml)) {
                info = DetectionXml.read(in.readNBytes(4 << 20));
            }
            ZipEntry content = find(entries, CONTENTS + info.contentFileName());
            if (content == null) {
                content = find(entries, CONTENTS + CONTENT_FILE_NAME);
            }
            if (content == null) {
                List<ZipEntry> under = new ArrayList<>();
                for (ZipEntry e : entries) {
                    if (!e.isDirectory() && normal(e.getName()).startsWith(CONTENTS.toLowerCase(Locale.ROOT))) {
                        under.add(e);
                    }
                }
                if (under.size() != 1) {
                    throw new IntuneWinFormatException(file + ": encrypted content '" + info.contentFileName()
                            + "' (FileName '" + info.fileName() + "') not found under " + CONTENTS);
                }
                content = under.get(0);
            }
            return new IntuneWinPackage(zip, info, content);
        } catch (IOException | IntuneWinFormatException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static ZipEntry find(List<? extends ZipEntry> entries, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ZipEntry e : entries) {
            if (normal(e.getName()).equals(wanted)) {
                return e;
            }
        }
        return null;
    }

    private static String normal(String name) {
        return name.replace('\\', '/').toLowerCase(Locale.ROOT);
    }

    /** Detection.xml, parsed. */
    public ApplicationInfo info() {
        return info;
    }

    /** Byte size of the encrypted inner file (plaintext + padding + 48). */
    public long encryptedContentSize() {
        return content.getSize();
    }

    /** Streams the encrypted inner file (stored, so this is a plain read of the outer file). */
    public InputStream openEncryptedContent() throws IOException {
        return zip.getInputStream(content);
    }

    /** Copies the encrypted inner file out, e.g. to host it as {@code {id}.intunewin.bin}. */
    public void extractEncryptedContent(Path target) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = openEncryptedContent()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
