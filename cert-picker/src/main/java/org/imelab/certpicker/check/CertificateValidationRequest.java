package org.imelab.certpicker.check;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The certificates the checker asks the gateway about: only details that are public anyway (the
 * certificates themselves and what they say), never a key.
 */
public record CertificateValidationRequest(List<Candidate> candidates) {

    public CertificateValidationRequest {
        candidates = List.copyOf(candidates);
    }

    /**
     * @param thumbprint        SHA-1, upper-case hex
     * @param subjectName       as .NET prints it
     * @param accountId         Intune account id (1.2.840.113556.5.6)
     * @param deviceId          Intune device id (1.2.840.113556.5.4), empty when the certificate lacks it
     * @param notAfter          expiry
     * @param storeLocation     {@code LocalMachine} or {@code CurrentUser}
     * @param certificateBlob   Base64 of the DER certificate, as GetContentInfo's CertificateBlob
     */
    public record Candidate(String thumbprint, String subjectName, UUID accountId, Optional<UUID> deviceId,
                            Instant notAfter, String storeLocation, String certificateBlob) {
        public Candidate {
            Objects.requireNonNull(thumbprint, "thumbprint");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(deviceId, "deviceId");
        }

        static Candidate of(MdmCandidate c) {
            try {
                return new Candidate(c.thumbprint(), c.certificate().subjectName(), c.accountId().orElseThrow(),
                        c.intune().deviceId(), c.certificate().notAfter(), c.certificate().location().dotNetName(),
                        Base64.getEncoder().encodeToString(c.certificate().certificate().getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("A certificate read from the store cannot be encoded", e);
            }
        }
    }
}
