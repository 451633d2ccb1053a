package org.imelab.certpicker.mdm;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues a certificate shaped like a real Intune MDM device certificate: subject
 * {@code CN=<device id>} (PrintableString), EKU clientAuth, and the Intune extensions encoded and
 * ordered as on the real sample (SKI, AKI, the 1.2.840.113556.5 arc ending with .5.4 and .5.6,
 * then critical KeyUsage, BasicConstraints and EKU). The lab gateway enrolls devices with it;
 * tests build their certificates with it.
 */
public final class MdmCertificateBuilder {

    /** The order of the Intune arc on the real certificate; unknown arcs go before .5.4. */
    private static final List<String> REAL_ORDER = List.of(
            IntuneOids.USER_ID, IntuneOids.ARC + ".11", IntuneOids.TENANT_ID,
            IntuneOids.ARC + ".15", IntuneOids.ARC + ".16", IntuneOids.ARC + ".17", IntuneOids.ARC + ".18",
            IntuneOids.ARC + ".19", IntuneOids.ARC + ".23", IntuneOids.ARC + ".24",
            IntuneOids.DEVICE_ID, IntuneOids.ACCOUNT_ID);

    private final X509Certificate issuer;
    private final PrivateKey issuerKey;
    private PublicKey publicKey;
    private UUID deviceId;
    private UUID accountId;
    private UUID tenantId;
    private UUID userId;
    private Instant notBefore;
    private Instant notAfter;
    private BigInteger serial;
    private String subjectCommonName;
    private final Map<String, byte[]> extraExtensions = new LinkedHashMap<>();

    private MdmCertificateBuilder(X509Certificate issuer, PrivateKey issuerKey) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.issuerKey = Objects.requireNonNull(issuerKey, "issuerKey");
    }

    public static MdmCertificateBuilder issuedBy(X509Certificate issuer, PrivateKey issuerKey) {
        return new MdmCertificateBuilder(issuer, issuerKey);
    }

    /** The device's public key (from its CSR). */
    public MdmCertificateBuilder publicKey(PublicKey key) {
        this.publicKey = key;
        return this;
    }

    /** Also the subject CN unless {@link #subjectCommonName} says otherwise. */
    public MdmCertificateBuilder deviceId(UUID id) {
        this.deviceId = id;
        return this;
    }

    public MdmCertificateBuilder accountId(UUID id) {
        this.accountId = id;
        return this;
    }

    public MdmCertificateBuilder tenantId(UUID id) {
        this.tenantId = id;
        return this;
    }

    public MdmCertificateBuilder userId(UUID id) {
        this.userId = id;
        return this;
    }

    /** Overrides the subject CN (tests of a CN that does not match the device id). */
    public MdmCertificateBuilder subjectCommonName(String cn) {
        this.subjectCommonName = cn;
        return this;
    }

    public MdmCertificateBuilder validity(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("notAfter " + to + " is not after notBefore " + from);
        }
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    public MdmCertificateBuilder serial(BigInteger serialNumber) {
        this.serial = serialNumber;
        return this;
    }

    /**
     * Another extension of the Intune arc, given as the content of its extnValue (use
     * {@link IntuneExtensionEncoding}), e.g. {@code .5.15} = {@code integer(2)}. Non-critical.
     */
    public MdmCertificateBuilder extension(String oid, byte[] value) {
        if (!IntuneOids.isIntune(oid)) {
            throw new IllegalArgumentException(oid + " is not in the Intune arc " + IntuneOids.ARC);
        }
        extraExtensions.put(oid, value.clone());
        return this;
    }

    public X509Certificate build() {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(notBefore, "validity");
        try {
            X500Name subject = new X500Name(new RDN[] {new RDN(BCStyle.CN,
                    new DERPrintableString(subjectCommonName != null ? subjectCommonName : deviceId.toString()))});
            X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            BigInteger sn = serial != null ? serial : new BigInteger(127, new SecureRandom()).setBit(120);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, sn,
                    Date.from(notBefore), Date.from(notAfter), subject, publicKey);

            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(utils));

            Map<String, byte[]> intune = new LinkedHashMap<>(extraExtensions);
            intune.put(IntuneOids.DEVICE_ID, IntuneExtensionEncoding.rawGuid(deviceId));
            intune.put(IntuneOids.ACCOUNT_ID, IntuneExtensionEncoding.octetStringGuid(accountId));
            if (tenantId != null) {
                intune.put(IntuneOids.TENANT_ID, IntuneExtensionEncoding.octetStringGuid(tenantId));
            }
            if (userId != null) {
                intune.put(IntuneOids.USER_ID, IntuneExtensionEncoding.octetStringGuid(userId));
            }
            List<String> order = new ArrayList<>(intune.keySet());
            order.sort(Comparator.comparingInt(MdmCertificateBuilder::rank));
            for (String oid : order) {
                // the value goes in as-is: the extnValue OCTET STRING wraps exactly these bytes
                b.addExtension(new Extension(new ASN1ObjectIdentifier(oid), false, intune.get(oid)));
            }

            boolean rsa = "RSA".equals(publicKey.getAlgorithm());
            b.addExtension(Extension.keyUsage, true, new KeyUsage(rsa
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));

            String alg = "RSA".equals(issuerKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuerKey)));
        } catch (IOException | CertificateException | OperatorCreationException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot issue the MDM certificate: " + e.getMessage(), e);
        }
    }

    private AuthorityKeyIdentifier authorityKeyId(JcaX509ExtensionUtils utils) throws IOException {
        byte[] ski = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ski != null) {
            byte[] keyId = ASN1OctetString.getInstance(
                    ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(ski)).getOctets()).getOctets();
            return new AuthorityKeyIdentifier(keyId);
        }
        return utils.createAuthorityKeyIdentifier(issuer.getPublicKey());
    }

    private static int rank(String oid) {
        int i = REAL_ORDER.indexOf(oid);
        return i >= 0 ? i : REAL_ORDER.indexOf(IntuneOids.DEVICE_ID) - 1;
    }
}
