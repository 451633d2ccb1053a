package org.imelab.gateway.protocol.win32;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of {@code Scripts} (a JSON string inside the policy) of the "PowerShell script"
 * installer type: {@code {"Id","Type":1,"Data":null,"EnforceSignatureCheck":false}}; the script
 * itself comes from the CDN as {@code {Id}.ps1.gz.bin} (C §3.5, [C] [RADU]).
 */
@JsonPropertyOrder({"Id", "Type", "Data", "EnforceSignatureCheck"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstallerScript(
        @JsonProperty("Id") String id,
        @JsonProperty("Type") Integer type,
        @JsonProperty("Data") JsonNode data,
        @JsonProperty("EnforceSignatureCheck") Boolean enforceSignatureCheck) {
    public InstallerScript {
        data = data == null || data.isNull() ? null : data;
    }
}
