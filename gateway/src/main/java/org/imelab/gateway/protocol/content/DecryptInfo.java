package org.imelab.gateway.protocol.content;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.imelab.gateway.protocol.PayloadFormatException;
import org.imelab.gateway.protocol.SideCarJson;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * {@code DecryptInfo} of a {@code GetContentInfo} answer: an XML string
 * {@code <EncryptedMessage><EncryptedContent>Base64</EncryptedContent></EncryptedMessage>} whose
 * content is a CMS EnvelopedData (PKCS#7) to the device certificate, holding the
 * {@link ContentKeys} JSON (ime-behaviour.md C §3.4; the real agent decrypts it with
 * {@code EnvelopedCms}, [C] [PYTUNE] [APPCONTENT]). Key transport RSA (PKCS#1 v1.5, what
 * {@code EnvelopedCms} uses by default), content AES-256-CBC. Other elements the real XML may
 * carry are not public; readers look only for {@code EncryptedContent}.
 */
public final class DecryptInfo {
    private DecryptInfo() {
    }

    /** Encrypts the keys to the device certificate (an RSA certificate, as Intune MDM certificates are). */
    public static String seal(ContentKeys keys, X509Certificate deviceCertificate, SideCarJson json) {
        if (!"RSA".equals(deviceCertificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("DecryptInfo can only be encrypted to an RSA certificate, not "
                    + deviceCertificate.getPublicKey().getAlgorithm());
        }
        Provider bc = new BouncyCastleProvider();
        try {
            CMSEnvelopedDataGenerator gen = new CMSEnvelopedDataGenerator();
            gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(deviceCertificate).setProvider(bc));
            CMSEnvelopedData data = gen.generate(
                    new CMSProcessableByteArray(json.write(keys).getBytes(StandardCharsets.UTF_8)),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(bc).build());
            return "<EncryptedMessage><EncryptedContent>" + Base64.getEncoder().encodeToString(data.getEncoded())
                    + "</EncryptedContent></EncryptedMessage>";
        } catch (CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot build DecryptInfo: " + e.getMessage(), e);
        }
    }

    /** Decrypts with a software key (Bouncy Castle does the RSA step). */
    public static ContentKeys open(String xml, PrivateKey deviceKey, SideCarJson json) {
        return open(xml, deviceKey, new BouncyCastleProvider(), json);
    }

    /**
     * Decrypts with the device's private key.
     *
     * @param keyProvider the JCA provider that holds the key (e.g. SunMSCAPI for a non-exportable
     *                    key in the Windows store); the AES step always runs in Bouncy Castle
     * @throws PayloadFormatException when the XML or the CMS structure is wrong or not for this key
     */
    public static ContentKeys open(String xml, PrivateKey deviceKey, Provider keyProvider, SideCarJson json) {
        byte[] cms;
        try {
            cms = Base64.getMimeDecoder().decode(encryptedContent(xml));
        } catch (IllegalArgumentException e) {
            throw new PayloadFormatException("DecryptInfo's EncryptedContent is not Base64", e);
        }
        try {
            CMSEnvelopedData data = new CMSEnvelopedData(cms);
            Collection<RecipientInformation> recipients = data.getRecipientInfos().getRecipients();
            if (recipients.isEmpty()) {
                throw new PayloadFormatException("DecryptInfo has no recipient");
            }
            Exception last = null;
            for (RecipientInformation r : recipients) {
                byte[] plain;
                try {
                    plain = r.getContent(new JceKeyTransEnvelopedRecipient(deviceKey)
                            .setProvider(keyProvider).setContentProvider(new BouncyCastleProvider()));
                } catch (CMSException | RuntimeException e) {
                    // a key that is not the recipient's fails in many ways: a CMSException, or, when
                    // its modulus is shorter than the wrapped key, Bouncy Castle's unchecked
                    // DataLengthException or ArrayIndexOutOfBoundsException; all mean "not this key"
                    last = e;
                    continue;
                }
                return json.read(new String(plain, StandardCharsets.UTF_8), ContentKeys.class);
            }
            throw new PayloadFormatException("DecryptInfo is not encrypted to this device key: "
                    + (last == null ? "" : last.getMessage()), last);
        } catch (CMSException e) {
            throw new PayloadFormatException("DecryptInfo is not a CMS EnvelopedData: " + e.getMessage(), e);
        }
    }

    /** The Base64 text of {@code EncryptedMessage/EncryptedContent}. */
    static String encryptedContent(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new PayloadFormatException("DecryptInfo is empty");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            if (!"EncryptedMessage".equals(doc.getDocumentElement().getLocalName())) {
                throw new PayloadFormatException("DecryptInfo's root is " + doc.getDocumentElement().getLocalName()
                        + ", not EncryptedMessage");
            }
            NodeList nodes = doc.getDocumentElement().getElementsByTagNameNS("*", "EncryptedContent");
            if (nodes.getLength() != 1) {
                throw new PayloadFormatException("DecryptInfo needs exactly one EncryptedContent, found "
                        + nodes.getLength());
            }
            return nodes.item(0).getTextContent().strip();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PayloadFormatException("DecryptInfo is not valid XML: " + e.getMessage(), e);
        }
    }
}
