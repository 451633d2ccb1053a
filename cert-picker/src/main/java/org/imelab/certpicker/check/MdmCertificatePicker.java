package org.imelab.certpicker.check;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.imelab.certpicker.CertificateStoreException;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.mdm.IntuneOids;
import org.imelab.registry.ime.CertMetadataKey;
import org.slf4j.Logger;

/**
 * GetMDMCert (step 6): the certificate CertMetadata names, if the stores still hold it usable;
 * otherwise the best certificate carrying OID 1.2.840.113556.5.6 (private key, latest expiry).
 */
public final class MdmCertificatePicker {

    /** Where the pick came from. */
    public enum Origin { CERT_METADATA, OID_SEARCH }

    public record Pick(MdmCandidate certificate, Origin origin) {
    }

    private final MdmCertificateSearch search;
    private final CertMetadataKey metadata;
    private final InstantSource clock;
    private final Logger logger;

    public MdmCertificatePicker(MdmCertificateSearch search, CertMetadataKey metadata, InstantSource clock) {
        this(search, metadata, clock, CheckLog.defaultLogger());
    }

    public MdmCertificatePicker(MdmCertificateSearch search, CertMetadataKey metadata, InstantSource clock, Logger logger) {
        this.search = Objects.requireNonNull(search, "search");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    public MdmCertificateSearch search() {
        return search;
    }

    /**
     * @throws CertificateStoreException when the stores cannot be read at all
     */
    public Optional<Pick> getMdmCert() {
        CheckLog log = new CheckLog(logger);
        Instant now = clock.instant();
        Optional<Pick> fromMetadata = fromMetadata(log, now);
        if (fromMetadata.isPresent()) {
            return fromMetadata;
        }
        List<MdmCandidate> usable = search.search().stream()
                .filter(c -> Usability.problem(c, now).isEmpty())
                .sorted(MdmCandidate.BEST_FIRST)
                .toList();
        if (usable.isEmpty()) {
            log.warn(CheckStep.USE, "GetMDMCert: no certificate with OID " + IntuneOids.ACCOUNT_ID
                    + ", a private key and a valid date in either store.");
            return Optional.empty();
        }
        MdmCandidate best = usable.get(0);
        log.info(CheckStep.USE, "GetMDMCert: searched the stores by OID and picked " + best.label() + ", expiring "
                + Usability.time(best.certificate().notAfter())
                + (usable.size() > 1 ? ", the latest of " + usable.size() + "." : "."));
        return Optional.of(new Pick(best, Origin.OID_SEARCH));
    }

    private Optional<Pick> fromMetadata(CheckLog log, Instant now) {
        if (!(metadata.read() instanceof CertMetadataKey.Reading.Present p)) {
            return Optional.empty();
        }
        CertMetadataKey.Values v = p.values();
        StoreLocation named;
        try {
            named = StoreLocation.parse(v.storeLocation());
        } catch (IllegalArgumentException e) {
            named = StoreLocation.LOCAL_MACHINE;
        }
        // the named location first, then the other one: a certificate may have been moved
        for (StoreLocation location : List.of(named, other(named))) {
            Optional<MdmCandidate> c = search.find(location, v.thumbprint());
            if (c.isPresent()) {
                Optional<String> problem = Usability.problem(c.get(), now);
                if (problem.isEmpty()) {
                    log.info(CheckStep.USE, "GetMDMCert: using certificate " + c.get().label() + " from CertMetadata.");
                    return Optional.of(new Pick(c.get(), Origin.CERT_METADATA));
                }
                log.info(CheckStep.USE, "GetMDMCert: certificate " + v.thumbprint() + " from CertMetadata is not usable ("
                        + problem.get() + "); searching the stores by OID.");
                return Optional.empty();
            }
        }
        log.info(CheckStep.USE, "GetMDMCert: certificate " + v.thumbprint()
                + " from CertMetadata is in neither store; searching the stores by OID.");
        return Optional.empty();
    }

    private static StoreLocation other(StoreLocation l) {
        return l == StoreLocation.LOCAL_MACHINE ? StoreLocation.CURRENT_USER : StoreLocation.LOCAL_MACHINE;
    }
}
