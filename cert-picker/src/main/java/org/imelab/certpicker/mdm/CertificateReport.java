package org.imelab.certpicker.mdm;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.imelab.certpicker.SubjectNames;
import org.imelab.certpicker.Thumbprints;

/** A certificate described for people: what {@code imelab certs show} prints. */
public final class CertificateReport {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateReport() {
    }

    public static List<String> describe(X509Certificate cert) {
        IntuneExtensions ids = IntuneExtensions.decode(cert);
        List<String> lines = new ArrayList<>();
        lines.add("Subject:     " + SubjectNames.dotNet(cert.getSubjectX500Principal()));
        lines.add("Issuer:      " + SubjectNames.dotNet(cert.getIssuerX500Principal()));
        lines.add("Serial:      " + cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
        lines.add("Valid:       " + UTC.format(cert.getNotBefore().toInstant()) + " to "
                + UTC.format(cert.getNotAfter().toInstant()));
        lines.add("Thumbprint:  " + Thumbprints.of(cert));
        lines.add("Public key:  " + keyDescription(cert));
        lines.add("Client auth: " + (hasClientAuth(cert) ? "yes" : "no"));
        lines.add("MDM certificate (carries " + IntuneOids.ACCOUNT_ID + "): " + (ids.accountIdPresent() ? "yes" : "no"));
        lines.add("Device id  (" + IntuneOids.DEVICE_ID + "):  " + show(ids.deviceId()));
        lines.add("Account id (" + IntuneOids.ACCOUNT_ID + "):  " + show(ids.accountId()));
        lines.add("Tenant id  (" + IntuneOids.TENANT_ID + "): " + show(ids.tenantId()));
        ids.userId().ifPresent(u -> lines.add("User id    (" + IntuneOids.USER_ID + "): " + u));
        if (!ids.others().isEmpty()) {
            lines.add("Other Intune extensions (meaning not public):");
            for (IntuneExtensions.RawExtension e : ids.others()) {
                lines.add("  " + e.oid() + (e.critical() ? " (critical)" : "") + ": " + e.reading() + "  " + e.hex());
            }
        }
        for (String p : ids.problems()) {
            lines.add("Problem:     " + p);
        }
        return lines;
    }

    private static String show(Optional<UUID> id) {
        return id.map(UUID::toString).orElse("-");
    }

    private static String keyDescription(X509Certificate cert) {
        var key = cert.getPublicKey();
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize();
        }
        return key.getAlgorithm();
    }

    private static boolean hasClientAuth(X509Certificate cert) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku == null || eku.contains("1.3.6.1.5.5.7.3.2");
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
