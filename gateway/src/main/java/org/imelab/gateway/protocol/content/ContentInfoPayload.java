package org.imelab.gateway.protocol.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Base64;
import java.util.List;
import org.imelab.gateway.protocol.JsonInString;

/**
 * The {@code GetContentInfo} payload, the same shape both ways (ime-behaviour.md C §3.4,
 * [C] [PYTUNE]): the agent fills the app and its device certificate and leaves the rest null;
 * the service answers with {@code ContentInfo} (JSON in a string: where to download) and
 * {@code DecryptInfo} (an XML string: the keys, CMS-encrypted to {@code CertificateBlob}).
 */
@JsonPropertyOrder({"ApplicationId", "ApplicationVersion", "Intent", "CertificateBlob", "ContentInfo",
    "SecondaryContentInfo", "DecryptInfo", "UploadLocation", "TargetingMethod", "ErrorCode", "TargetType",
    "InstallContext", "EspPhase", "ApplicationName", "AssignmentFilterIds", "ManagedInstallerStatus",
    "ApplicationEnforcement"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentInfoPayload(
        @JsonProperty("ApplicationId") String applicationId,
        @JsonProperty("ApplicationVersion") Integer applicationVersion,
        @JsonProperty("Intent") Integer intent,
        @JsonProperty("CertificateBlob") String certificateBlob,
        @JsonProperty("ContentInfo")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        ContentInfo contentInfo,
        @JsonProperty("SecondaryContentInfo")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        ContentInfo secondaryContentInfo,
        @JsonProperty("DecryptInfo") String decryptInfo,
        @JsonProperty("UploadLocation") String uploadLocation,
        @JsonProperty("TargetingMethod") Integer targetingMethod,
        @JsonProperty("ErrorCode") Integer errorCode,
        @JsonProperty("TargetType") Integer targetType,
        @JsonProperty("InstallContext") Integer installContext,
        @JsonProperty("EspPhase") Integer espPhase,
        @JsonProperty("ApplicationName") String applicationName,
        @JsonProperty("AssignmentFilterIds") List<String> assignmentFilterIds,
        @JsonProperty("ManagedInstallerStatus") Integer managedInstallerStatus,
        @JsonProperty("ApplicationEnforcement") Integer applicationEnforcement) {

    /**
     * The request as the real agent shapes it (values of the pytune sample for the fields whose
     * meaning is not public: {@code EspPhase} 2, {@code ManagedInstallerStatus} 1).
     *
     * @param deviceCertificateDer the device certificate the keys are to be encrypted to
     */
    public static ContentInfoPayload request(String appId, int appVersion, int intent, String appName,
                                             byte[] deviceCertificateDer, int targetingMethod, int targetType,
                                             int installContext) {
        return new ContentInfoPayload(appId, appVersion, intent,
                Base64.getEncoder().encodeToString(deviceCertificateDer), null, null, null, null,
                targetingMethod, null, targetType, installContext, 2, appName, null, 1, 0);
    }

    /** This request answered: the same fields with the content location and the encrypted keys. */
    public ContentInfoPayload answer(ContentInfo contentInfo, String decryptInfoXml) {
        return new ContentInfoPayload(applicationId, applicationVersion, intent, certificateBlob, contentInfo,
                secondaryContentInfo, decryptInfoXml, uploadLocation, targetingMethod, errorCode, targetType,
                installContext, espPhase, applicationName, assignmentFilterIds, managedInstallerStatus,
                applicationEnforcement);
    }

    public byte[] certificateDer() {
        if (certificateBlob == null || certificateBlob.isBlank()) {
            throw new IllegalArgumentException("CertificateBlob is empty");
        }
        return Base64.getDecoder().decode(certificateBlob.strip());
    }
}
