package org.imelab.certpicker.check;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.mdm.IntuneExtensions;

/** A certificate from the stores together with its decoded Intune extensions. */
public record MdmCandidate(CertificateCandidate certificate, IntuneExtensions intune) {

    /**
     * "The best" as GetMDMCert means it: a private key first, then the latest expiry; ties go to
     * LocalMachine, then the newest, then the thumbprint, so the choice never depends on store order.
     */
    public static final Comparator<MdmCandidate> BEST_FIRST = Comparator
            .comparing((MdmCandidate c) -> !c.certificate.hasPrivateKey())
            .thenComparing((MdmCandidate c) -> c.certificate.notAfter(), Comparator.reverseOrder())
            .thenComparing((MdmCandidate c) -> c.certificate.location() != StoreLocation.LOCAL_MACHINE)
            .thenComparing((MdmCandidate c) -> c.certificate.notBefore(), Comparator.reverseOrder())
            .thenComparing(MdmCandidate::thumbprint);

    public MdmCandidate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(intune, "intune");
    }

    public static MdmCandidate of(CertificateCandidate certificate) {
        return new MdmCandidate(certificate, IntuneExtensions.decode(certificate.certificate()));
    }

    public String thumbprint() {
        return certificate.thumbprint();
    }

    public Optional<UUID> accountId() {
        return intune.accountId();
    }

    /** Usable for TLS at {@code now}: a private key, inside its validity, and the OID. */
    public boolean isUsable(Instant now) {
        return Usability.problem(this, now).isEmpty();
    }

    /** {@code 3F2A... (CN=..., LocalMachine\My)} for log lines. */
    public String label() {
        return certificate.thumbprint() + " (" + certificate.subjectName() + ", " + certificate.storeName() + ")";
    }
}
