package org.imelab.certpicker.mdm;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * The Intune extensions of a certificate, decoded exactly as real MDM certificates carry them
 * (ime-behaviour.md C §6.4). A malformed value is not guessed at: its id stays empty and the
 * reason is listed in {@link #problems()}.
 *
 * @param accountIdPresent whether the certificate carries 1.2.840.113556.5.6 at all, which is what
 *                         the IME searches the stores for
 * @param others           the other extensions of the 1.2.840.113556.5 arc, shown raw
 */
public record IntuneExtensions(Optional<UUID> deviceId, Optional<UUID> accountId, Optional<UUID> tenantId,
                               Optional<UUID> userId, boolean accountIdPresent, List<RawExtension> others,
                               List<String> problems) {

    public IntuneExtensions {
        others = List.copyOf(others);
        problems = List.copyOf(problems);
    }

    /** One extension shown as it is: the content of its extnValue OCTET STRING. */
    public record RawExtension(String oid, boolean critical, byte[] value) {
        public RawExtension {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public String hex() {
            return HexFormat.of().withUpperCase().formatHex(value);
        }

        /** {@code INTEGER 13}, {@code OCTET STRING (32 bytes)}, ... */
        public String reading() {
            return IntuneExtensionEncoding.describe(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawExtension r && r.oid.equals(oid) && r.critical == critical
                    && Arrays.equals(r.value, value);
        }

        @Override
        public int hashCode() {
            return oid.hashCode() * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return oid + "=" + hex();
        }
    }

    /** True when the certificate carries the account id OID: the IME's test for an MDM certificate. */
    public static boolean carriesAccountId(X509Certificate certificate) {
        return certificate.getExtensionValue(IntuneOids.ACCOUNT_ID) != null;
    }

    public static IntuneExtensions decode(X509Certificate certificate) {
        List<String> problems = new ArrayList<>();
        Optional<UUID> device = decodeOne(certificate, IntuneOids.DEVICE_ID, true, problems);
        Optional<UUID> account = decodeOne(certificate, IntuneOids.ACCOUNT_ID, false, problems);
        Optional<UUID> tenant = decodeOne(certificate, IntuneOids.TENANT_ID, false, problems);
        Optional<UUID> user = decodeOne(certificate, IntuneOids.USER_ID, false, problems);

        Set<String> critical = orEmpty(certificate.getCriticalExtensionOIDs());
        Set<String> all = new HashSet<>(critical);
        all.addAll(orEmpty(certificate.getNonCriticalExtensionOIDs()));
        List<RawExtension> others = new ArrayList<>();
        all.stream()
                .filter(IntuneOids::isIntune)
                .filter(oid -> !IntuneOids.NAMES.containsKey(oid))
                .sorted(Comparator.comparing(IntuneExtensions::arcKey))
                .forEach(oid -> {
                    byte[] v = extnValue(certificate, oid, problems);
                    if (v != null) {
                        others.add(new RawExtension(oid, critical.contains(oid), v));
                    }
                });
        if (device.isPresent()) {
            String cn = subjectCommonName(certificate);
            if (!device.get().toString().equalsIgnoreCase(cn)) {
                problems.add("device id " + device.get() + " differs from the subject CN '" + cn + "'");
            }
        }
        return new IntuneExtensions(device, account, tenant, user,
                certificate.getExtensionValue(IntuneOids.ACCOUNT_ID) != null, others, problems);
    }

    /** The subject's first CN, or "" when it has none. */
    public static String subjectCommonName(X509Certificate certificate) {
        try {
            var name = new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal().getName());
            for (var rdn : name.getRdns().reversed()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // an RFC 2253 name from the JDK always parses
        }
        return "";
    }

    private static Optional<UUID> decodeOne(X509Certificate cert, String oid, boolean raw, List<String> problems) {
        byte[] value = extnValue(cert, oid, problems);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(raw ? IntuneExtensionEncoding.decodeRawGuid(value)
                    : IntuneExtensionEncoding.decodeOctetStringGuid(value));
        } catch (IllegalArgumentException e) {
            problems.add(IntuneOids.NAMES.get(oid) + " (" + oid + "): " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The content of the extnValue OCTET STRING, or null when the extension is absent or broken. */
    private static byte[] extnValue(X509Certificate cert, String oid, List<String> problems) {
        byte[] wrapped = cert.getExtensionValue(oid);
        if (wrapped == null) {
            return null;
        }
        try {
            return ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(wrapped)).getOctets();
        } catch (IOException | IllegalArgumentException e) {
            problems.add(oid + ": extension value is not an OCTET STRING");
            return null;
        }
    }

    private static Set<String> orEmpty(Set<String> s) {
        return s == null ? Set.of() : s;
    }

    /** Sorts 1.2.840.113556.5.4 before .5.11 (numerically, not as text). */
    private static String arcKey(String oid) {
        StringBuilder sb = new StringBuilder();
        for (String part : oid.split("\\.")) {
            sb.append(String.format("%10s", part)).append('.');
        }
        return sb.toString();
    }
}
