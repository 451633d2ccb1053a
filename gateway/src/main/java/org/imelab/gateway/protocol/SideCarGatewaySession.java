package org.imelab.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
import java.util.UUID;

/**
 * The SideCar session envelope: the body of
 * {@code PUT {sideCarUrl}/SideCarGatewaySessions('{id}')?api-version=1.5} and of its answer
 * (ime-behaviour.md C §3.2). The field order is the real agent's request order; the answer adds
 * the OData fields in front. {@code ClientInfo} and {@code CheckinReasonPayload} are JSON
 * serialised into strings on the wire (typed here); {@code RequestPayload} and
 * {@code ResponsePayload} are strings whose content depends on {@code RequestContentType} (see
 * {@link SideCarJson} for the encoding of each).
 *
 * <p>Every field may be null: minimal clients send five fields and the lab gateway accepts that.
 */
@JsonPropertyOrder({"odata.metadata", "odata.id", "Key", "SessionId", "RequestContentType", "RequestPayload",
    "ResponseContentType", "ClientInfo", "ResponsePayload", "EnabledFlights", "CheckinIntervalMinutes",
    "GenericWorkloadRequests", "GenericWorkloadResponse", "CheckinReason", "CheckinReasonPayload"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record SideCarGatewaySession(
        @JsonProperty("odata.metadata") @JsonInclude(JsonInclude.Include.NON_NULL) String odataMetadata,
        @JsonProperty("odata.id") @JsonInclude(JsonInclude.Include.NON_NULL) String odataId,
        @JsonProperty("Key") String key,
        @JsonProperty("SessionId") String sessionId,
        @JsonProperty("RequestContentType") String requestContentType,
        @JsonProperty("RequestPayload") String requestPayload,
        @JsonProperty("ResponseContentType") String responseContentType,
        @JsonProperty("ClientInfo")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        ClientInfo clientInfo,
        @JsonProperty("ResponsePayload") String responsePayload,
        @JsonProperty("EnabledFlights") String enabledFlights,
        @JsonProperty("CheckinIntervalMinutes") Integer checkinIntervalMinutes,
        @JsonProperty("GenericWorkloadRequests") JsonNode genericWorkloadRequests,
        @JsonProperty("GenericWorkloadResponse") JsonNode genericWorkloadResponse,
        @JsonProperty("CheckinReason") CheckinReason checkinReason,
        @JsonProperty("CheckinReasonPayload")
        @JsonSerialize(using = JsonInString.Writer.class) @JsonDeserialize(using = JsonInString.Reader.class)
        CheckinReasonPayload checkinReasonPayload) {

    public SideCarGatewaySession {
        genericWorkloadRequests = genericWorkloadRequests == null || genericWorkloadRequests.isNull()
                ? null : genericWorkloadRequests;
        genericWorkloadResponse = genericWorkloadResponse == null || genericWorkloadResponse.isNull()
                ? null : genericWorkloadResponse;
    }

    /**
     * A request as the agent sends it: {@code Key} = {@code SessionId} = a fresh id (the same one
     * goes into the URL), no response fields.
     *
     * @param requestPayload the already-encoded payload ({@code "[]"} when the request has none)
     */
    public static SideCarGatewaySession request(UUID sessionId, RequestContentType type, String requestPayload,
                                                ClientInfo clientInfo, CheckinReason reason,
                                                CheckinReasonPayload reasonPayload) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(type, "type");
        String id = sessionId.toString();
        return new SideCarGatewaySession(null, null, id, id, type.wireName(),
                requestPayload == null ? "[]" : requestPayload, null, clientInfo, null, null, null, null, null,
                reason, reasonPayload);
    }

    /** The typed request type, empty for a name imelab does not know. */
    public java.util.Optional<RequestContentType> requestType() {
        return RequestContentType.of(requestContentType);
    }

    /** The answer to this request: the envelope echoed with the response fields and OData annotations set. */
    public SideCarGatewaySession answer(String odataMetadata, String odataId, String responseContentType,
                                        String responsePayload, String enabledFlights,
                                        Integer checkinIntervalMinutes) {
        return new SideCarGatewaySession(odataMetadata, odataId, key, sessionId, requestContentType,
                requestPayload, responseContentType, clientInfo, responsePayload, enabledFlights,
                checkinIntervalMinutes, genericWorkloadRequests, genericWorkloadResponse, checkinReason,
                checkinReasonPayload);
    }
}
