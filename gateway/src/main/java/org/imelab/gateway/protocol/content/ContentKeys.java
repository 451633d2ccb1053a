package org.imelab.gateway.protocol.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Base64;
import org.imelab.gateway.content.EncryptionInfo;
import org.imelab.gateway.protocol.PayloadFormatException;

/**
 * What {@code DecryptInfo} decrypts to: the file encryption info of the package. {@code EncryptionKey},
 * {@code IV} and {@code ProfileIdentifier} are [C] ([PYTUNE]); {@code MacKey}, {@code Mac},
 * {@code FileDigest} and {@code FileDigestAlgorithm} are [I] (the rest of Detection.xml's
 * EncryptionInfo) and imelab sends them so the agent can verify the HMAC and the digest, as
 * Part A "content" requires. All values Base64, as in Detection.xml; {@code ProfileIdentifier}
 * {@code ProfileVersion1} (or {@code NoEncryption} for plain content).
 */
@JsonPropertyOrder({"EncryptionKey", "MacKey", "IV", "Mac", "ProfileIdentifier", "FileDigest",
    "FileDigestAlgorithm"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentKeys(
        @JsonProperty("EncryptionKey") String encryptionKey,
        @JsonProperty("MacKey") String macKey,
        @JsonProperty("IV") String iv,
        @JsonProperty("Mac") String mac,
        @JsonProperty("ProfileIdentifier") String profileIdentifier,
        @JsonProperty("FileDigest") String fileDigest,
        @JsonProperty("FileDigestAlgorithm") String fileDigestAlgorithm) {

    public static final String PROFILE_VERSION_1 = "ProfileVersion1";
    public static final String NO_ENCRYPTION = "NoEncryption";

    /** The keys of a package, Base64 as on the wire. */
    public static ContentKeys of(EncryptionInfo info) {
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] mac = info.mac();
        return new ContentKeys(b64.encodeToString(info.encryptionKey()), b64.encodeToString(info.macKey()),
                b64.encodeToString(info.initializationVector()), mac == null ? null : b64.encodeToString(mac),
                info.profileIdentifier(), b64.encodeToString(info.fileDigest()), info.fileDigestAlgorithm());
    }

    /**
     * The keys for {@code ContentDecryptor}.
     *
     * @throws PayloadFormatException when a value is missing or not Base64 (lengths and the profile
     *                                are checked by {@link EncryptionInfo#requireSupported()})
     */
    public EncryptionInfo toEncryptionInfo() {
        return new EncryptionInfo(bytes("EncryptionKey", encryptionKey), bytes("MacKey", macKey), bytes("IV", iv),
                mac == null ? null : bytes("Mac", mac), required("ProfileIdentifier", profileIdentifier),
                bytes("FileDigest", fileDigest),
                fileDigestAlgorithm == null ? EncryptionInfo.SHA256 : fileDigestAlgorithm);
    }

    private static byte[] bytes(String name, String value) {
        try {
            return Base64.getDecoder().decode(required(name, value));
        } catch (IllegalArgumentException e) {
            throw new PayloadFormatException("DecryptInfo's " + name + " is not Base64");
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new PayloadFormatException("DecryptInfo has no " + name);
        }
        return value.strip();
    }

    /** Never print key material: the log convention forbids secrets in logs. */
    @Override
    public String toString() {
        return "ContentKeys[profile=" + profileIdentifier + ", digestAlgorithm=" + fileDigestAlgorithm + "]";
    }
}
