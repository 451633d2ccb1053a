package org.imelab.certpicker.check;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.X509ExtendedKeyManager;
import org.imelab.certpicker.tls.ClientKeyManagers;
import org.slf4j.Logger;

/**
 * GetDeviceCertificate (step 6): the certificate the gateway client authenticates with. It is
 * cached for at most a day, as the IME's DiscoveryService does, then GetMDMCert runs again. An
 * empty result is not cached, so a certificate enrolled a minute later is found on the next call.
 */
public final class DeviceCertificateProvider {
    public static final Duration CACHE_LIFETIME = Duration.ofDays(1);

    private record Cached(MdmCandidate certificate, Instant fetchedAt) {
    }

    private final MdmCertificatePicker picker;
    private final InstantSource clock;
    private final Logger logger;
    private Cached cached;

    public DeviceCertificateProvider(MdmCertificatePicker picker, InstantSource clock) {
        this(picker, clock, CheckLog.defaultLogger());
    }

    public DeviceCertificateProvider(MdmCertificatePicker picker, InstantSource clock, Logger logger) {
        this.picker = Objects.requireNonNull(picker, "picker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    public synchronized Optional<MdmCandidate> deviceCertificate() {
        Instant now = clock.instant();
        if (cached != null) {
            Duration age = Duration.between(cached.fetchedAt, now);
            boolean fresh = !age.isNegative() && age.compareTo(CACHE_LIFETIME) < 0;
            if (fresh && cached.certificate.certificate().isTimeValid(now)) {
                return Optional.of(cached.certificate);
            }
            new CheckLog(logger).info(CheckStep.USE, "GetDeviceCertificate: the cached certificate "
                    + cached.certificate.thumbprint() + (fresh ? " has expired" : " is older than a day")
                    + "; calling GetMDMCert again.");
            cached = null;
        }
        Optional<MdmCertificatePicker.Pick> pick = picker.getMdmCert();
        pick.ifPresent(p -> cached = new Cached(p.certificate(), now));
        return pick.map(MdmCertificatePicker.Pick::certificate);
    }

    /** Forgets the cached certificate, e.g. after the gateway refused it. */
    public synchronized void invalidate() {
        cached = null;
    }

    /** The key manager for mutual TLS with the device certificate, if there is one. */
    public Optional<X509ExtendedKeyManager> keyManager() {
        return deviceCertificate().map(c ->
                ClientKeyManagers.forCertificate(picker.search().source(), c.certificate()));
    }
}
