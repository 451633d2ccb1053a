package org.imelab.certpicker.check;

import java.io.IOException;

/**
 * Step 4 of the Client Cert Checker: the service says which of the device's MDM certificates is
 * valid. The real agent asks in a SideCarGatewaySession; the lab gateway implements this.
 */
public interface CertificateValidationGateway {

    /**
     * @throws IOException when the gateway cannot be reached or answers with an error; the checker
     *                     then leaves CertMetadata as it is and tries again next run
     */
    CertificateValidationResponse validate(CertificateValidationRequest request) throws IOException;
}
