package org.imelab.gateway.protocol.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

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

    /** Never print key material: the log convention forbids secrets in logs. */
    @Override
    public String toString() {
        return "ContentKeys[profile=" + profileIdentifier + ", digestAlgorithm=" + fileDigestAlgorithm + "]";
    }
}
