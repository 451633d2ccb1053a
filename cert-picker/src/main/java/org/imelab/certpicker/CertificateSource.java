package org.imelab.certpicker;

import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The machine's personal certificate stores, {@code LocalMachine\My} and {@code CurrentUser\My}:
 * Crypt32 on Windows, a folder elsewhere. Private keys are used through the store and are never
 * exported by an implementation.
 */
public interface CertificateSource {

    /**
     * Every certificate in one location's {@code My} store, in the store's order.
     *
     * @throws CertificateStoreException when the store cannot be opened or read
     */
    List<CertificateCandidate> list(StoreLocation location);

    /** Both locations, LocalMachine first. */
    default List<CertificateCandidate> listAll() {
        List<CertificateCandidate> all = new ArrayList<>();
        for (StoreLocation l : StoreLocation.values()) {
            all.addAll(list(l));
        }
        return all;
    }

    /** The certificate with this thumbprint in one location, if it is there. */
    default Optional<CertificateCandidate> find(StoreLocation location, String thumbprint) {
        String wanted = Thumbprints.normalize(thumbprint);
        return list(location).stream().filter(c -> c.thumbprint().equals(wanted)).findFirst();
    }

    /**
     * The private key and chain for TLS. On Windows the key is a handle into the key provider
     * (SunMSCAPI), so a non-exportable key still signs. Empty when the store holds no usable key.
     */
    Optional<KeyStore.PrivateKeyEntry> privateKeyEntry(CertificateCandidate candidate);

    /** For messages: "Windows certificate stores", "portable store /home/x/.imelab/certstore". */
    String describe();
}
