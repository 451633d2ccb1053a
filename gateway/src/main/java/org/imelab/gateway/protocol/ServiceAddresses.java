package org.imelab.gateway.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * One element of the endpoint discovery answer ({@code GET .../Certificate/ServiceAddresses},
 * a JSON array): the services of a scale unit. The agent takes the element with
 * {@code IsPrimary} (or the first) and in it the {@code SideCarGatewayService} URL
 * (ime-behaviour.md C §3.1, [C] [PYTUNE] [APPCONTENT]).
 */
@JsonPropertyOrder({"IsPrimary", "Services"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceAddresses(
        @JsonProperty("IsPrimary") Boolean isPrimary,
        @JsonProperty("Services") List<Service> services) {

    @JsonPropertyOrder({"ServiceName", "Url"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(@JsonProperty("ServiceName") String serviceName, @JsonProperty("Url") String url) {
    }

    /** The SideCar URL from a discovery answer: the primary element (else the first), its SideCar service. */
    public static Optional<String> sideCarUrl(List<ServiceAddresses> answer) {
        if (answer == null || answer.isEmpty()) {
            return Optional.empty();
        }
        ServiceAddresses chosen = answer.stream().filter(a -> Boolean.TRUE.equals(a.isPrimary())).findFirst()
                .orElse(answer.getFirst());
        return chosen.services() == null ? Optional.empty() : chosen.services().stream()
                .filter(s -> SideCarUrls.SIDECAR_SERVICE_NAME.equals(s.serviceName()))
                .map(Service::url).findFirst();
    }
}
