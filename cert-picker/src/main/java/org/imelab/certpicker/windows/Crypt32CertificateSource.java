package org.imelab.certpicker.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Crypt32;
import com.sun.jna.platform.win32.WTypes;
import com.sun.jna.platform.win32.WinCrypt;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateStoreException;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LocalMachine\My} and {@code CurrentUser\My} read through Crypt32 (jna-platform), opened
 * read-only. Keys are probed in place ({@link PrivateKeyProbe}) and used for TLS through SunMSCAPI,
 * whose keys are handles into the key provider, so a non-exportable or TPM key still signs.
 * Windows only: nothing here is loaded elsewhere.
 */
public final class Crypt32CertificateSource implements CertificateSource {
    private static final Logger log = LoggerFactory.getLogger(Crypt32CertificateSource.class);
    private static final int ERROR_FILE_NOT_FOUND = 2;
    private static final int ERROR_NO_MORE_FILES = 18;

    @Override
    public String describe() {
        return "Windows certificate stores";
    }

    @Override
    public List<CertificateCandidate> list(StoreLocation location) {
        int locationFlag = location == StoreLocation.LOCAL_MACHINE
                ? WinCrypt.CERT_SYSTEM_STORE_LOCAL_MACHINE : WinCrypt.CERT_SYSTEM_STORE_CURRENT_USER;
        WinCrypt.HCERTSTORE store = Crypt32.INSTANCE.CertOpenStore(
                new WinCrypt.CertStoreProviderName(WinCrypt.CERT_STORE_PROV_SYSTEM_W), 0, null,
                locationFlag | WinCrypt.CERT_STORE_OPEN_EXISTING_FLAG | WinCrypt.CERT_STORE_READONLY_FLAG,
                new WTypes.LPWSTR(StoreLocation.MY));
        if (store == null) {
            int err = Native.getLastError();
            if (err == ERROR_FILE_NOT_FOUND) {
                return List.of(); // the store was never created for this account
            }
            throw new CertificateStoreException("CertOpenStore(" + location.storeName() + ")", err, null);
        }
        List<CertificateCandidate> out = new ArrayList<>();
        RuntimeException failure = null;
        WinCrypt.CERT_CONTEXT.ByReference ctx = null;
        try {
            while (true) {
                // frees the previous context itself
                ctx = Crypt32.INSTANCE.CertEnumCertificatesInStore(store, ctx == null ? null : ctx.getPointer());
                if (ctx == null) {
                    int err = Native.getLastError();
                    if (err != PrivateKeyProbe.CRYPT_E_NOT_FOUND && err != ERROR_NO_MORE_FILES) {
                        throw new CertificateStoreException("CertEnumCertificatesInStore(" + location.storeName() + ")",
                                err, null);
                    }
                    break;
                }
                candidate(ctx, location).ifPresent(out::add);
            }
        } catch (RuntimeException e) {
            failure = e;
            if (ctx != null && !Crypt32.INSTANCE.CertFreeCertificateContext(ctx)) {
                e.addSuppressed(new CertificateStoreException("CertFreeCertificateContext", Native.getLastError(), null));
            }
        } finally {
            if (!Crypt32.INSTANCE.CertCloseStore(store, 0)) {
                CertificateStoreException close = new CertificateStoreException(
                        "CertCloseStore(" + location.storeName() + ")", Native.getLastError(), null);
                if (failure == null) {
                    failure = close;
                } else {
                    failure.addSuppressed(close);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    private static Optional<CertificateCandidate> candidate(WinCrypt.CERT_CONTEXT.ByReference ctx, StoreLocation location) {
        byte[] der = ctx.pbCertEncoded.getByteArray(0, ctx.cbCertEncoded);
        X509Certificate cert;
        try {
            cert = CertificateFiles.fromDer(der, location.storeName());
        } catch (IOException e) {
            log.warn("Skipping a certificate Java cannot parse in {}: {}", location.storeName(), e.getMessage());
            return Optional.empty();
        }
        String thumbprint = Thumbprints.of(der);
        PrivateKeyProbe.Result key = PrivateKeyProbe.probe(ctx.getPointer(), thumbprint);
        return Optional.of(new CertificateCandidate(cert, thumbprint, key.usable(), location, key.provider()));
    }

    /** Through SunMSCAPI: the key object is a handle, its bytes never leave the key provider. */
    @Override
    public Optional<KeyStore.PrivateKeyEntry> privateKeyEntry(CertificateCandidate candidate) {
        if (!candidate.hasPrivateKey()) {
            return Optional.empty();
        }
        String type = mscapiKeyStoreType(candidate.location());
        try {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(null, null);
            // aliases are friendly names and may repeat, so match on the certificate itself
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate cert
                        && Thumbprints.of(cert).equals(candidate.thumbprint())) {
                    Key key = ks.getKey(alias, null);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (key instanceof PrivateKey pk) {
                        return Optional.of(new KeyStore.PrivateKeyEntry(pk,
                                chain != null && chain.length > 0 ? chain : new Certificate[] {cert}));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateStoreException("Cannot open the key of " + candidate.thumbprint() + " through " + type, e);
        }
    }

    /** SunMSCAPI's keystore types; LOCALMACHINE exists since JDK 19 (JDK-6782021). */
    public static String mscapiKeyStoreType(StoreLocation location) {
        return location == StoreLocation.LOCAL_MACHINE ? "Windows-MY-LOCALMACHINE" : "Windows-MY-CURRENTUSER";
    }
}
