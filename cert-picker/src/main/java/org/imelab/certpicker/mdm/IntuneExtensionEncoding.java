package org.imelab.certpicker.mdm;

import java.io.IOException;
import java.math.BigInteger;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;

/**
 * How each Intune extension's value (the content of X.509's {@code extnValue} OCTET STRING) is
 * encoded on real certificates. Both directions live here so they cannot drift apart.
 */
public final class IntuneExtensionEncoding {
    private IntuneExtensionEncoding() {
    }

    /** 1.2.840.113556.5.4: the 16 GUID bytes with no ASN.1 wrapper. */
    public static byte[] rawGuid(UUID id) {
        return DotNetGuid.toBytes(id);
    }

    /** 1.2.840.113556.5.6, .5.14 (and .5.11): a DER OCTET STRING ({@code 04 10}) of the 16 GUID bytes. */
    public static byte[] octetStringGuid(UUID id) {
        return der(new DEROctetString(DotNetGuid.toBytes(id)));
    }

    /** .5.15 to .5.19 and .5.23 on the real sample: a DER INTEGER. */
    public static byte[] integer(long value) {
        return der(new ASN1Integer(BigInteger.valueOf(value)));
    }

    /** The inverse of {@link #rawGuid}; fails unless the value is exactly 16 bytes. */
    public static UUID decodeRawGuid(byte[] value) {
        if (value.length != 16) {
            throw new IllegalArgumentException("expected 16 raw bytes, found " + value.length);
        }
        return DotNetGuid.fromBytes(value);
    }

    /** The inverse of {@link #octetStringGuid}; fails unless the value is exactly {@code 04 10} + 16 bytes. */
    public static UUID decodeOctetStringGuid(byte[] value) {
        if (value.length != 18 || value[0] != 0x04 || value[1] != 0x10) {
            throw new IllegalArgumentException("expected an OCTET STRING of 16 bytes (04 10 ...), found "
                    + value.length + " bytes");
        }
        byte[] guid = new byte[16];
        System.arraycopy(value, 2, guid, 0, 16);
        return DotNetGuid.fromBytes(guid);
    }

    /** A short reading of a value whose meaning is not public: INTEGER n, OCTET STRING (n bytes), or hex. */
    public static String describe(byte[] value) {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(value);
            if (p instanceof ASN1Integer i) {
                return "INTEGER " + i.getValue();
            }
            if (p instanceof DEROctetString s) {
                byte[] inner = s.getOctets();
                return inner.length == 16
                        ? "OCTET STRING (16 bytes; as a GUID " + DotNetGuid.fromBytes(inner) + ")"
                        : "OCTET STRING (" + inner.length + " bytes)";
            }
            return p.getClass().getSimpleName().replace("DER", "").replace("ASN1", "");
        } catch (IOException | RuntimeException e) {
            return value.length == 16 ? "16 raw bytes (as a GUID " + DotNetGuid.fromBytes(value) + ")"
                    : value.length + " raw bytes";
        }
    }

    private static byte[] der(org.bouncycastle.asn1.ASN1Object o) {
        try {
            return o.getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }
}
