package org.imelab.gateway.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a {@code .intunewin} in the real format (C §4): the source folder zipped, encrypted as in
 * C §4.3, and put with its Detection.xml into an uncompressed outer zip named after the setup file
 * ({@code setup.exe} gives {@code setup.intunewin}), as IntuneWinAppUtil does. The package appears
 * in the output folder in one atomic move; intermediate files never outlive the call.
 */
public final class IntuneWinPacker {
    private final ContentEncryptor encryptor;
    private final MsiInspector msiInspector;

    public IntuneWinPacker(ContentEncryptor encryptor, MsiInspector msiInspector) {
        this.encryptor = encryptor;
        this.msiInspector = msiInspector;
    }

    public IntuneWinPacker() {
        this(new ContentEncryptor(), new MsiInspector());
    }

    /** The package written and its metadata. */
    public record Packed(Path file, ApplicationInfo info) {
    }

    /**
     * @param sourceDir the folder to package
     * @param setupFile the setup file, relative to {@code sourceDir} or an absolute path inside it
     * @param outDir    where {@code <setup>.intunewin} is written (created if missing)
     */
    public Packed pack(Path sourceDir, Path setupFile, Path outDir) throws IOException, ContentException {
        if (!Files.isDirectory(sourceDir)) {
            throw new IllegalArgumentException("Source folder " + sourceDir + " does not exist or is not a folder");
        }
        Path source = sourceDir.toRealPath();
        Path setup = setupFile.isAbsolute() ? setupFile : source.resolve(setupFile);
        if (!Files.isRegularFile(setup)) {
            throw new IllegalArgumentException("Setup file " + setupFile + " is not a file in " + source);
        }
        setup = setup.toRealPath();
        if (!setup.startsWith(source)) {
            throw new IllegalArgumentException("Setup file " + setup + " is not inside the source folder " + source);
        }
        Files.createDirectories(outDir);
        Path out = outDir.toRealPath();
        String setupRelative = source.relativize(setup).toString().replace('/', '\\');
        String setupName = setup.getFileName().toString();
        int dot = setupName.lastIndexOf('.');
        Path target = out.resolve((dot > 0 ? setupName.substring(0, dot) : setupName) + ".intunewin");

        Path plain = Files.createTempFile(out, ".imelab-pack-", ".zip");
        Path encrypted = Files.createTempFile(out, ".imelab-pack-", ".enc");
        Path outer = Files.createTempFile(out, ".imelab-pack-", ".intunewin");
        try {
            long plainSize = SourceZipper.zip(source, plain, out.startsWith(source) ? out : null);
            EncryptionInfo keys = encryptor.encrypt(plain, encrypted);
            Optional<MsiInspector.MsiProduct> msi = setupName.toLowerCase(Locale.ROOT).endsWith(".msi")
                    ? msiInspector.inspect(setup) : Optional.empty();
            ApplicationInfo info = new ApplicationInfo(DetectionXml.TOOL_VERSION,
                    msi.map(MsiInspector.MsiProduct::productName).filter(n -> !n.isBlank()).orElse(setupName),
                    null, plainSize, IntuneWinPackage.CONTENT_FILE_NAME, setupRelative, keys,
                    msi.map(MsiInspector.MsiProduct::info));
            writeOuter(outer, encrypted, DetectionXml.write(info));
            Files.move(outer, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Packed(target, info);
        } finally {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(encrypted);
            Files.deleteIfExists(outer);
        }
    }

    /** The outer zip stores (does not compress) both entries, Contents first as the real tool does. */
    private static void writeOuter(Path outer, Path encrypted, byte[] detectionXml) throws IOException {
        try (OutputStream os = Files.newOutputStream(outer);
             ZipOutputStream zip = new ZipOutputStream(os)) {
            ZipEntry content = stored(IntuneWinPackage.CONTENTS + IntuneWinPackage.CONTENT_FILE_NAME,
                    Files.size(encrypted), crc(encrypted));
            zip.putNextEntry(content);
            try (InputStream in = Files.newInputStream(encrypted)) {
                in.transferTo(zip);
            }
            zip.closeEntry();
            CRC32 crc = new CRC32();
            crc.update(detectionXml);
            zip.putNextEntry(stored(IntuneWinPackage.DETECTION_XML, detectionXml.length, crc.getValue()));
            zip.write(detectionXml);
            zip.closeEntry();
        }
    }

    private static ZipEntry stored(String name, long size, long crc) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        return e;
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }
}
