package org.imelab.certpicker.check;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.imelab.certpicker.Thumbprints;

/** The gateway's answer: the thumbprints of the certificates it vouches for (usually one, maybe none). */
public record CertificateValidationResponse(Set<String> validThumbprints) {

    public CertificateValidationResponse {
        validThumbprints = validThumbprints.stream().map(Thumbprints::normalize).collect(Collectors.toUnmodifiableSet());
    }

    public static CertificateValidationResponse valid(Collection<String> thumbprints) {
        return new CertificateValidationResponse(Set.copyOf(thumbprints));
    }

    public static CertificateValidationResponse noneValid() {
        return new CertificateValidationResponse(Set.of());
    }
}
