package org.imelab.certpicker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reading and writing certificates and keys as PEM or DER files. */
public final class CertificateFiles {
    private CertificateFiles() {
    }

    /** Every certificate in a PEM file, or the one certificate of a DER file. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return readCertificates(Files.readAllBytes(file), file.toString());
    }

    public static List<X509Certificate> readCertificates(byte[] content, String name) throws IOException {
        if (isPlainCertificatePem(content)) {
            // the common case, as the portable store writes it: the JDK parser alone, no PEM objects
            try {
                List<X509Certificate> certs = new ArrayList<>();
                for (Certificate c : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(content))) {
                    certs.add((X509Certificate) c);
                }
                if (!certs.isEmpty()) {
                    return certs;
                }
            } catch (CertificateException | ClassCastException e) {
                // fall through to the tolerant PEM reader, which gives the better message
            }
        }
        if (looksLikePem(content)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Object o : pemObjects(content, name)) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(fromDer(h.getEncoded(), name));
                }
            }
            if (certs.isEmpty()) {
                throw new IOException(name + ": no CERTIFICATE block in this PEM file");
            }
            return certs;
        }
        return List.of(fromDer(content, name));
    }

    /** The private key in a PEM file (PKCS#8, or OpenSSL's RSA/EC form); empty when it holds none. */
    public static Optional<PrivateKey> readPrivateKey(Path file) throws IOException {
        return readPrivateKey(Files.readAllBytes(file), file.toString());
    }

    public static Optional<PrivateKey> readPrivateKey(byte[] content, String name) throws IOException {
        if (!looksLikePem(content)) {
            throw new IOException(name + ": a private key must be a PEM file");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object o : pemObjects(content, name)) {
            switch (o) {
                case PrivateKeyInfo info -> {
                    return Optional.of(converter.getPrivateKey(info));
                }
                case PEMKeyPair pair -> {
                    return Optional.of(converter.getKeyPair(pair).getPrivate());
                }
                case PKCS8EncryptedPrivateKeyInfo ignored ->
                        throw new IOException(name + ": the private key is encrypted; store it unencrypted "
                                + "and protect the file instead");
                case PEMEncryptedKeyPair ignored ->
                        throw new IOException(name + ": the private key is encrypted; store it unencrypted "
                                + "and protect the file instead");
                default -> {
                    // certificates and other blocks: keep looking
                }
            }
        }
        return Optional.empty();
    }

    /** A cheap test, without parsing, for a PEM private key block. */
    public static boolean containsPrivateKeyBlock(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        return text.contains("PRIVATE KEY-----");
    }

    public static String pem(Object certificateOrKey) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(certificateOrKey);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write as PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }

    public static X509Certificate fromDer(byte[] der, String name) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IOException(name + ": not an X.509 certificate (" + e.getMessage() + ")", e);
        }
    }

    /** Starts with a CERTIFICATE block and holds nothing but certificate blocks. */
    private static boolean isPlainCertificatePem(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (!text.startsWith("-----BEGIN CERTIFICATE-----")) {
            return false;
        }
        int begins = 0;
        int certs = 0;
        for (int i = text.indexOf("-----BEGIN "); i >= 0; i = text.indexOf("-----BEGIN ", i + 1)) {
            begins++;
            if (text.startsWith("-----BEGIN CERTIFICATE-----", i)) {
                certs++;
            }
        }
        return begins == certs;
    }

    private static boolean looksLikePem(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 BOM, as Notepad writes
        }
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        // DER starts with a SEQUENCE tag (0x30); PEM may carry explanatory text before "-----BEGIN".
        return i < content.length && content[i] != 0x30
                && new String(content, StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    private static List<Object> pemObjects(byte[] content, String name) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(r)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": unreadable PEM (" + e.getMessage() + ")", e);
        }
        return objects;
    }
}
