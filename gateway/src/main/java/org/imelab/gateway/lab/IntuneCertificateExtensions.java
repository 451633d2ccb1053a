package org.imelab.gateway.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Writes the Intune extensions into a certificate exactly as real Intune MDM device certificates
 * carry them (ime-behaviour.md C §6.4, checked against real-artefacts/certs): the device id
 * (.5.4) as 16 raw bytes, the Intune account id (.5.6) and the Entra tenant id (.5.14) as a DER
 * OCTET STRING of 16 bytes; GUID bytes in .NET {@code Guid.ToByteArray()} (little-endian) order.
 *
 * <p>Kept small and local until cert-picker's encoder is merged; the lab's tests decode the
 * issued certificates byte for byte against the real layout.
 */
final class IntuneCertificateExtensions {
    static final ASN1ObjectIdentifier DEVICE_ID = new ASN1ObjectIdentifier("1.2.840.113556.5.4");
    static final ASN1ObjectIdentifier ACCOUNT_ID = new ASN1ObjectIdentifier("1.2.840.113556.5.6");
    static final ASN1ObjectIdentifier TENANT_ID = new ASN1ObjectIdentifier("1.2.840.113556.5.14");

    private IntuneCertificateExtensions() {
    }

    static void add(X509v3CertificateBuilder builder, UUID deviceId, UUID accountId, UUID tenantId)
            throws CertIOException {
        builder.addExtension(DEVICE_ID, false, dotNetBytes(deviceId));
        try {
            builder.addExtension(ACCOUNT_ID, false, new DEROctetString(dotNetBytes(accountId)).getEncoded());
            builder.addExtension(TENANT_ID, false, new DEROctetString(dotNetBytes(tenantId)).getEncoded());
        } catch (IOException e) {
            throw new CertIOException("cannot encode an Intune extension", e);
        }
    }

    /** The 16 bytes of {@code new Guid(s).ToByteArray()}: the first three groups little-endian. */
    static byte[] dotNetBytes(UUID id) {
        ByteBuffer b = ByteBuffer.allocate(16);
        long msb = id.getMostSignificantBits();
        b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        b.order(ByteOrder.BIG_ENDIAN).putLong(id.getLeastSignificantBits());
        return b.array();
    }

    /** The GUID of 16 bytes in .NET order. */
    static UUID fromDotNetBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, not " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.order(ByteOrder.LITTLE_ENDIAN);
        long a = b.getInt() & 0xFFFFFFFFL;
        long c = b.getShort() & 0xFFFFL;
        long d = b.getShort() & 0xFFFFL;
        b.order(ByteOrder.BIG_ENDIAN);
        return new UUID((a << 32) | (c << 16) | d, b.getLong());
    }
}
