package org.imelab.gateway.protocol.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code ContentInfo} of a {@code GetContentInfo} answer (JSON in a string): the URL of the
 * encrypted {@code .intunewin.bin} and, when the agent sent its OS version, the Delivery
 * Optimization file id (C §3.4, [C] [PYTUNE] [S] [CONTENTINFO-SNIPPET]).
 * {@code EncryptedContentSize} is imelab's addition (so a client can show progress before the
 * download starts); the real field set beyond the first two is not public.
 */
@JsonPropertyOrder({"UploadLocation", "DoFileId", "EncryptedContentSize"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentInfo(
        @JsonProperty("UploadLocation") String uploadLocation,
        @JsonProperty("DoFileId") String doFileId,
        @JsonProperty("EncryptedContentSize") Long encryptedContentSize) {
}
