package org.imelab.certpicker.portable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateStoreException;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate stores off Windows: a folder with the same two locations,
 * {@code <root>/LocalMachine/My} and {@code <root>/CurrentUser/My}. It reads
 * <ul>
 * <li>{@code *.crt}, {@code *.cer}, {@code *.pem}, {@code *.der}: a certificate (PEM or DER); its
 *     private key is a PEM block in the same file or the file {@code <same name>.key};</li>
 * <li>{@code *.p12}, {@code *.pfx}: PKCS#12 without a password (as exported for a lab).</li>
 * </ul>
 * {@link #add} writes {@code <THUMBPRINT>.key} (owner-only) and then {@code <THUMBPRINT>.crt},
 * each through a temporary file and an atomic rename, so a reader never sees half a file and a
 * certificate never appears before its key. A file that cannot be read is skipped with a warning;
 * it does not hide the rest of the store.
 */
public final class PortableCertificateSource implements CertificateSource {
    private static final Logger log = LoggerFactory.getLogger(PortableCertificateSource.class);
    private static final List<String> CERT_SUFFIXES = List.of(".crt", ".cer", ".pem", ".der");
    private static final List<String> PKCS12_SUFFIXES = List.of(".p12", ".pfx");
    private static final String KEY_SUFFIX = ".key";
    private static final String TEMP_PREFIX = ".tmp-";
    /** What {@link CertificateCandidate#keyProvider()} says for keys held here. */
    public static final String KEY_PROVIDER = "imelab portable store";

    private final Path root;

    public PortableCertificateSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code <root>/LocalMachine/My}. */
    public Path directory(StoreLocation location) {
        return root.resolve(location.dotNetName()).resolve(StoreLocation.MY);
    }

    @Override
    public String describe() {
        return "portable store " + root;
    }

    @Override
    public List<CertificateCandidate> list(StoreLocation location) {
        Path dir = directory(location);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                files.add(p);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the store " + dir, e);
        }
        Collections.sort(files);
        // one directory listing answers "is there a key file?" for every certificate
        Set<String> names = new HashSet<>();
        for (Path p : files) {
            names.add(p.getFileName().toString());
        }
        List<CertificateCandidate> out = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.startsWith(TEMP_PREFIX)) {
                continue;
            }
            try {
                if (endsWithAny(name, CERT_SUFFIXES)) {
                    out.add(readCertificateFile(p, location, names::contains));
                } else if (endsWithAny(name, PKCS12_SUFFIXES)) {
                    out.addAll(readPkcs12(p, location));
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                log.warn("Skipping unreadable file in the certificate store: {}: {}", p, e.getMessage());
            }
        }
        return out;
    }

    /** Looks at {@code <THUMBPRINT>.crt} first, as {@link #add} names files, then at everything. */
    @Override
    public Optional<CertificateCandidate> find(StoreLocation location, String thumbprint) {
        String wanted = Thumbprints.normalize(thumbprint);
        Path direct = directory(location).resolve(wanted + ".crt");
        if (Files.isRegularFile(direct)) {
            try {
                CertificateCandidate c = readCertificateFile(direct, location, null);
                if (c.thumbprint().equals(wanted)) {
                    return Optional.of(c);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Skipping unreadable file in the certificate store: {}: {}", direct, e.getMessage());
            }
        }
        return CertificateSource.super.find(location, wanted);
    }

    @Override
    public Optional<KeyStore.PrivateKeyEntry> privateKeyEntry(CertificateCandidate candidate) {
        if (!candidate.hasPrivateKey()) {
            return Optional.empty();
        }
        Path dir = directory(candidate.location());
        try {
            for (Path p : filesOf(dir)) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.startsWith(TEMP_PREFIX)) {
                    continue;
                }
                Optional<KeyStore.PrivateKeyEntry> entry = Optional.empty();
                if (endsWithAny(name, CERT_SUFFIXES)) {
                    entry = keyEntryFromCertificateFile(p, candidate);
                } else if (endsWithAny(name, PKCS12_SUFFIXES)) {
                    entry = keyEntryFromPkcs12(p, candidate);
                }
                if (entry.isPresent()) {
                    return entry;
                }
            }
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the store " + dir, e);
        }
        return Optional.empty();
    }

    /**
     * Adds a certificate and its private key, as lab enrollment does. The key must belong to the
     * certificate. Adding the same certificate again replaces its files.
     */
    public CertificateCandidate add(StoreLocation location, X509Certificate certificate, PrivateKey privateKey) {
        if (!KeyPairs.matches(certificate, privateKey)) {
            throw new IllegalArgumentException("The private key does not belong to the certificate "
                    + Thumbprints.of(certificate));
        }
        String thumbprint = Thumbprints.of(certificate);
        Path dir = directory(location);
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(thumbprint + KEY_SUFFIX), CertificateFiles.pem(privateKey), true);
            writeAtomically(dir.resolve(thumbprint + ".crt"), CertificateFiles.pem(certificate), false);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot add certificate " + thumbprint + " to " + dir, e);
        }
        return CertificateCandidate.of(certificate, true, location, KEY_PROVIDER);
    }

    /** Adds a certificate without a private key. */
    public CertificateCandidate addCertificate(StoreLocation location, X509Certificate certificate) {
        String thumbprint = Thumbprints.of(certificate);
        Path dir = directory(location);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(thumbprint + KEY_SUFFIX));
            writeAtomically(dir.resolve(thumbprint + ".crt"), CertificateFiles.pem(certificate), false);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot add certificate " + thumbprint + " to " + dir, e);
        }
        return CertificateCandidate.of(certificate, false, location, "");
    }

    /**
     * Removes the files {@link #add} wrote for this thumbprint (certificate first, so the key never
     * outlives it as a visible pair). False when there were none.
     */
    public boolean remove(StoreLocation location, String thumbprint) {
        Path dir = directory(location);
        String t = Thumbprints.normalize(thumbprint);
        try {
            boolean removed = Files.deleteIfExists(dir.resolve(t + ".crt"));
            removed |= Files.deleteIfExists(dir.resolve(t + KEY_SUFFIX));
            return removed;
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot remove certificate " + t + " from " + dir, e);
        }
    }

    // ---- reading

    /**
     * @param listed the names in the folder when the caller has just listed it, else null (then the
     *               file system is asked); whether a listed key file is readable is found out when
     *               the key is used
     */
    private CertificateCandidate readCertificateFile(Path file, StoreLocation location, Predicate<String> listed)
            throws IOException {
        byte[] content = Files.readAllBytes(file);
        X509Certificate cert = CertificateFiles.readCertificates(content, file.toString()).get(0);
        Path keyFile = keyFileFor(file);
        boolean key = CertificateFiles.containsPrivateKeyBlock(content) || (listed != null
                ? listed.test(keyFile.getFileName().toString())
                : hasKeyFile(keyFile));
        return CertificateCandidate.of(cert, key, location, key ? KEY_PROVIDER : "");
    }

    private List<CertificateCandidate> readPkcs12(Path file, StoreLocation location)
            throws IOException, GeneralSecurityException {
        KeyStore ks = loadPkcs12(file);
        List<CertificateCandidate> out = new ArrayList<>();
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.getCertificate(alias) instanceof X509Certificate cert) {
                boolean key = ks.isKeyEntry(alias);
                out.add(CertificateCandidate.of(cert, key, location, key ? KEY_PROVIDER : ""));
            }
        }
        return out;
    }

    private Optional<KeyStore.PrivateKeyEntry> keyEntryFromCertificateFile(Path file, CertificateCandidate candidate) {
        try {
            byte[] content = Files.readAllBytes(file);
            X509Certificate cert = CertificateFiles.readCertificates(content, file.toString()).get(0);
            if (!Thumbprints.of(cert).equals(candidate.thumbprint())) {
                return Optional.empty();
            }
            Optional<PrivateKey> key = CertificateFiles.containsPrivateKeyBlock(content)
                    ? CertificateFiles.readPrivateKey(content, file.toString())
                    : Optional.empty();
            Path keyFile = keyFileFor(file);
            if (key.isEmpty() && hasKeyFile(keyFile)) {
                key = CertificateFiles.readPrivateKey(keyFile);
            }
            return key.flatMap(k -> checked(cert, k, file));
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the private key for {} from {}: {}", candidate.thumbprint(), file, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<KeyStore.PrivateKeyEntry> keyEntryFromPkcs12(Path file, CertificateCandidate candidate) {
        try {
            KeyStore ks = loadPkcs12(file);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate cert
                        && Thumbprints.of(cert).equals(candidate.thumbprint())) {
                    Key key = ks.getKey(alias, new char[0]);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (key instanceof PrivateKey pk && KeyPairs.matches(cert, pk)) {
                        return Optional.of(new KeyStore.PrivateKeyEntry(pk, chain != null ? chain : new Certificate[] {cert}));
                    }
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.warn("Cannot read the private key for {} from {}: {}", candidate.thumbprint(), file, e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<KeyStore.PrivateKeyEntry> checked(X509Certificate cert, PrivateKey key, Path file) {
        if (!KeyPairs.matches(cert, key)) {
            log.warn("The private key stored with {} does not belong to its certificate", file);
            return Optional.empty();
        }
        return Optional.of(new KeyStore.PrivateKeyEntry(key, new Certificate[] {cert}));
    }

    private static KeyStore loadPkcs12(Path file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, new char[0]);
        }
        return ks;
    }

    private static Path keyFileFor(Path certFile) {
        String name = certFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return certFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + KEY_SUFFIX);
    }

    private static boolean hasKeyFile(Path keyFile) throws IOException {
        return Files.isRegularFile(keyFile) && Files.isReadable(keyFile) && Files.size(keyFile) > 0;
    }

    private static List<Path> filesOf(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Collections.sort(files);
        return files;
    }

    private static boolean endsWithAny(String name, List<String> suffixes) {
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    // ---- writing

    private static void writeAtomically(Path target, String text, boolean ownerOnly) throws IOException {
        Path dir = target.getParent();
        Path tmp;
        if (ownerOnly && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            tmp = Files.createTempFile(dir, TEMP_PREFIX, ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            tmp = Files.createTempFile(dir, TEMP_PREFIX, ".part");
        }
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
