package org.imelab.certpicker.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imelab.certpicker.Thumbprints;

/** Stands in for the gateway at the network boundary: vouches for the certificates it "issued". */
final class FakeValidationGateway implements CertificateValidationGateway {
    final Set<String> issued = new HashSet<>();
    final List<CertificateValidationRequest> requests = new ArrayList<>();
    IOException failure;

    FakeValidationGateway issued(String... thumbprints) {
        for (String t : thumbprints) {
            issued.add(Thumbprints.normalize(t));
        }
        return this;
    }

    @Override
    public CertificateValidationResponse validate(CertificateValidationRequest request) throws IOException {
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        return CertificateValidationResponse.valid(issued);
    }
}
