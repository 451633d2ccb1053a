package org.imelab.certpicker.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.mdm.IntuneExtensions;

/** Finds the certificates carrying the Intune account id OID (1.2.840.113556.5.6) in both stores. */
public final class MdmCertificateSearch {
    private final CertificateSource source;

    public MdmCertificateSearch(CertificateSource source) {
        this.source = source;
    }

    public CertificateSource source() {
        return source;
    }

    /** LocalMachine\My then CurrentUser\My, in store order. */
    public List<MdmCandidate> search() {
        List<MdmCandidate> found = new ArrayList<>();
        for (StoreLocation location : StoreLocation.values()) {
            for (CertificateCandidate c : source.list(location)) {
                if (IntuneExtensions.carriesAccountId(c.certificate())) {
                    found.add(MdmCandidate.of(c));
                }
            }
        }
        return found;
    }

    /** The certificate with this thumbprint in that location, if it is there and carries the OID. */
    public Optional<MdmCandidate> find(StoreLocation location, String thumbprint) {
        return source.find(location, thumbprint)
                .filter(c -> IntuneExtensions.carriesAccountId(c.certificate()))
                .map(MdmCandidate::of);
    }
}
