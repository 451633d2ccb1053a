package org.imelab.certpicker.check;

import java.util.List;
import java.util.UUID;
import org.imelab.registry.ime.CertMetadataKey;

/** How one run of the Client Cert Checker ended. */
public sealed interface CheckOutcome {

    /** A short phrase for the last log line and the CLI. */
    String summary();

    /** Step 1: CertMetadata is fresh and its certificate still present and valid. Nothing changed. */
    record Skipped(CertMetadataKey.Values metadata) implements CheckOutcome {
        @Override
        public String summary() {
            return "skipped, CertMetadata is fresh (" + metadata.thumbprint() + ")";
        }
    }

    /** Step 2: one usable certificate or none, so there is nothing to choose. CertMetadata deleted. */
    record NothingToChoose(int usable) implements CheckOutcome {
        @Override
        public String summary() {
            return usable + " usable MDM certificate" + (usable == 1 ? "" : "s") + ", nothing to choose; CertMetadata deleted";
        }
    }

    /** Step 3: several certificates, none of a flighted tenant. None is used; CertMetadata deleted. */
    record NotFlighted(List<UUID> accountIds) implements CheckOutcome {
        public NotFlighted {
            accountIds = List.copyOf(accountIds);
        }

        @Override
        public String summary() {
            return "tenant not flighted, using none; CertMetadata deleted";
        }
    }

    /** Step 4: the gateway vouched for none of them. None is used; CertMetadata deleted. */
    record NoneValid(int asked) implements CheckOutcome {
        @Override
        public String summary() {
            return "the gateway found none of " + asked + " certificates valid; CertMetadata deleted";
        }
    }

    /** Step 4: the gateway could not be asked. CertMetadata left as it was; the next run tries again. */
    record GatewayUnavailable(String reason) implements CheckOutcome {
        @Override
        public String summary() {
            return "validation failed (" + reason + "); CertMetadata unchanged";
        }
    }

    /** Step 2: a store could not be read. CertMetadata left as it was. */
    record StoreUnavailable(String reason) implements CheckOutcome {
        @Override
        public String summary() {
            return "certificate store unreadable (" + reason + "); CertMetadata unchanged";
        }
    }

    /** Step 5: a certificate was validated and written to CertMetadata. */
    record Selected(MdmCandidate certificate, CertMetadataKey.Values metadata) implements CheckOutcome {
        @Override
        public String summary() {
            return "selected " + metadata.thumbprint() + " and stored it in CertMetadata";
        }
    }
}
