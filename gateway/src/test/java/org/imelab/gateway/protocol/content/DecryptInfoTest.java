package org.imelab.gateway.protocol.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.SideCarJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecryptInfoTest {
    static KeyPair device;
    static KeyPair other;
    static X509Certificate deviceCert;
    final SideCarJson json = new SideCarJson();
    final ContentKeys keys = new ContentKeys("zItIfv4tKhpfVFEAHQRJBNPHWe1y0HbHIksD5VNwscg=",
            "H9DU/pt/cRPhDaGrriFTUYhQtSSomBXkRYGNY3zhwRQ=", "mPxbxFv1PeGxMHmsUYTLJw==",
            "61FnckpV9Hla6CXLa2xUyzd2F5IaTO7KFln6RfOSSQ8=", ContentKeys.PROFILE_VERSION_1,
            "/O1hIjB5L/V2CqbNczKhHsUALm54xW6+jWRnIuKhuIM=", "SHA256");

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        device = g.generateKeyPair();
        g.initialize(1024); // only has to be another key; small keys are quick to make
        other = g.generateKeyPair();
        Instant now = Instant.now();
        deviceCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=Microsoft Intune MDM Device CA"), BigInteger.TEN, Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(3600)), new X500Name("CN=device"), device.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(device.getPrivate())));
    }

    @Test
    void sealedKeysOpenWithTheDeviceKeyOnly() throws Exception {
        String xml = DecryptInfo.seal(keys, deviceCert, json);
        assertTrue(xml.startsWith("<EncryptedMessage><EncryptedContent>"));
        assertFalse(xml.contains(keys.encryptionKey()), "the keys never travel in clear");
        // a CMS EnvelopedData with AES-256-CBC content encryption, one RSA recipient
        CMSEnvelopedData cms = new CMSEnvelopedData(java.util.Base64.getDecoder().decode(DecryptInfo.encryptedContent(xml)));
        assertEquals(CMSAlgorithm.AES256_CBC.getId(), cms.getEncryptionAlgOID());
        assertEquals(1, cms.getRecipientInfos().size());

        assertEquals(keys, DecryptInfo.open(xml, device.getPrivate(), json));
        assertThrows(PayloadFormatException.class, () -> DecryptInfo.open(xml, other.getPrivate(), json));
    }

    @Test
    void anyWrongKeyIsTheTypedErrorEveryTime() {
        // each seal wraps a fresh AES key with fresh PKCS#1 padding, and Bouncy Castle fails a
        // shorter key in several ways depending on those bytes; a single try used to pass by luck
        for (int i = 0; i < 40; i++) {
            String xml = DecryptInfo.seal(keys, deviceCert, json);
            PayloadFormatException e = assertThrows(PayloadFormatException.class,
                    () -> DecryptInfo.open(xml, other.getPrivate(), json), "seal " + i);
            assertTrue(e.getMessage().startsWith("DecryptInfo is not encrypted to this device key"), e.getMessage());
        }
    }

    @Test
    void malformedDecryptInfoIsAClearError() {
        assertThrows(PayloadFormatException.class, () -> DecryptInfo.open("", device.getPrivate(), json));
        assertTrue(assertThrows(PayloadFormatException.class, () -> DecryptInfo.open("<Other/>", device.getPrivate(), json))
                .getMessage().contains("EncryptedMessage"));
        assertThrows(PayloadFormatException.class, () -> DecryptInfo.open(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><EncryptedMessage><EncryptedContent>&e;"
                        + "</EncryptedContent></EncryptedMessage>", device.getPrivate(), json));
        assertThrows(PayloadFormatException.class, () -> DecryptInfo.open(
                "<EncryptedMessage><EncryptedContent>AAAA</EncryptedContent></EncryptedMessage>", device.getPrivate(), json));
    }

    @Test
    void keysNeverPrint() {
        assertFalse(keys.toString().contains(keys.encryptionKey()));
        assertFalse(keys.toString().contains(keys.macKey()));
    }
}
