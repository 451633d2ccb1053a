package org.imelab.certpicker.check;

import java.time.Instant;
import java.util.Optional;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.mdm.IntuneOids;
import org.imelab.registry.ime.ImeTime;

/** Why a certificate cannot serve as the MDM certificate right now, in log words. */
final class Usability {
    private Usability() {
    }

    static Optional<String> problem(CertificateCandidate c, Instant now) {
        if (c.isExpired(now)) {
            return Optional.of("expired on " + time(c.notAfter()));
        }
        if (now.isBefore(c.notBefore())) {
            return Optional.of("not valid before " + time(c.notBefore()));
        }
        if (!c.hasPrivateKey()) {
            return Optional.of("no private key");
        }
        return Optional.empty();
    }

    static Optional<String> problem(MdmCandidate c, Instant now) {
        if (!c.intune().accountIdPresent()) {
            return Optional.of("does not carry OID " + IntuneOids.ACCOUNT_ID);
        }
        return problem(c.certificate(), now);
    }

    /** Times in log lines use the IME's registry format, UTC. */
    static String time(Instant t) {
        return ImeTime.format(t) + " UTC";
    }
}
