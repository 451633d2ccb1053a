package org.imelab.gateway.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code RequestContentType} values imelab speaks, with how the service answers each. Names,
 * and the encodings of the first six, are the real service's (ime-behaviour.md C §3.2,
 * [C] [PYTUNE] [PYTUNE-ED], [S] [APPCONTENT]); what the reporting calls and
 * {@link #VALIDATE_CLIENT_CERTIFICATES} carry is imelab's definition (gateway/PROTOCOL.md).
 * The envelope keeps the name as a string so that a name we do not know still round-trips.
 */
public enum RequestContentType {
    /** "Requesting required apps": the Win32 app policies ("Get policies"). */
    REQUEST_APPLICATION("RequestApplication", PayloadEncoding.COMPRESSED, "PolicyResponse"),
    /** Available apps only. */
    GET_AVAILABLE_APP("GetAvailableApp", PayloadEncoding.COMPRESSED, "PolicyResponse"),
    /** The apps selected for the Enrollment Status Page. */
    GET_SELECTED_APP("GetSelectedApp", PayloadEncoding.COMPRESSED, "PolicyResponse"),
    /** Where an app's content is and the keys to decrypt it. */
    GET_CONTENT_INFO("GetContentInfo", PayloadEncoding.PLAIN, "ContentInfoResponse"),
    /** Platform (PowerShell) scripts. */
    POLICY_REQUEST("PolicyRequest", PayloadEncoding.PLAIN, "PolicyResponse"),
    /** Remediation (health) scripts. */
    GET_SCRIPT("GetScript", PayloadEncoding.PLAIN, "ScriptResponse"),
    /** Report: Win32 app results (payload defined by imelab). */
    WIN32_APP_RESULT("Win32AppResult", PayloadEncoding.PLAIN, "ReportResponse"),
    /** Report: platform script results (payload defined by imelab). */
    POLICY_RESULT("PolicyResult", PayloadEncoding.PLAIN, "ReportResponse"),
    /** Report: installed applications (payload defined by imelab). */
    APPLICATION_INVENTORY("ApplicationInventory", PayloadEncoding.PLAIN, "ReportResponse"),
    /**
     * The Client Cert Checker's step 4 (which of these certificates does the service know?).
     * The real request is not public; the name and payloads are imelab's.
     */
    VALIDATE_CLIENT_CERTIFICATES("ValidateClientCertificates", PayloadEncoding.PLAIN,
            "ClientCertificateValidationResponse");

    private final String wireName;
    private final PayloadEncoding responseEncoding;
    private final String responseContentType;

    RequestContentType(String wireName, PayloadEncoding responseEncoding, String responseContentType) {
        this.wireName = wireName;
        this.responseEncoding = responseEncoding;
        this.responseContentType = responseContentType;
    }

    /** The name on the wire, e.g. {@code RequestApplication}. */
    public String wireName() {
        return wireName;
    }

    /** How the service encodes the {@code ResponsePayload} of this request. */
    public PayloadEncoding responseEncoding() {
        return responseEncoding;
    }

    /** The {@code ResponseContentType} the gateway answers with. */
    public String responseContentType() {
        return responseContentType;
    }

    /** The request type of a wire name (exact, as the service is case-sensitive about it). */
    public static Optional<RequestContentType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
