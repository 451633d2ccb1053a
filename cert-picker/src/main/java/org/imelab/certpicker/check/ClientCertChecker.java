package org.imelab.certpicker.check;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.imelab.certpicker.CertificateStoreException;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.mdm.IntuneOids;
import org.imelab.registry.ime.CertMetadataKey;
import org.slf4j.Logger;

/**
 * The Client Cert Checker (the IME's scheduled task "Intune Management Extension Client Cert
 * Checker"), steps 1 to 5 of ime-behaviour.md Part B:
 * <ol>
 * <li>Initiation: skip when CertMetadata was validated less than 24 h ago and its certificate is
 *     still present and valid;</li>
 * <li>Search both stores for OID 1.2.840.113556.5.6, drop expired and keyless certificates; with
 *     one or none left stop and delete CertMetadata;</li>
 * <li>Tenant flighting by account id; no flighted tenant: stop, use none, delete CertMetadata;</li>
 * <li>Validation with the gateway;</li>
 * <li>Storage of the validated certificate in CertMetadata.</li>
 * </ol>
 * Step 6 (use) is {@link MdmCertificatePicker} and {@link DeviceCertificateProvider}.
 */
public final class ClientCertChecker {
    /** How long a validation stands (Part A "cert metadata"). */
    public static final Duration METADATA_MAX_AGE = Duration.ofHours(24);

    private final MdmCertificateSearch search;
    private final CertMetadataKey metadata;
    private final TenantFlighting flighting;
    private final CertificateValidationGateway gateway;
    private final InstantSource clock;
    private final Logger logger;

    public ClientCertChecker(MdmCertificateSearch search, CertMetadataKey metadata, TenantFlighting flighting,
                             CertificateValidationGateway gateway, InstantSource clock) {
        this(search, metadata, flighting, gateway, clock, CheckLog.defaultLogger());
    }

    /** With another logger than {@code ime.ClientCertCheck} (tests record the lines). */
    public ClientCertChecker(MdmCertificateSearch search, CertMetadataKey metadata, TenantFlighting flighting,
                             CertificateValidationGateway gateway, InstantSource clock, Logger logger) {
        this.search = Objects.requireNonNull(search, "search");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.flighting = Objects.requireNonNull(flighting, "flighting");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** One run. Registry failures propagate; store and gateway failures end the run with an outcome. */
    public CertCheckReport run() {
        CheckLog log = new CheckLog(logger);
        Instant now = clock.instant();
        log.info(CheckStep.INITIATION, "Client certificate check started.");
        CheckOutcome outcome = check(log, now);
        log.info(lastStep(outcome),
                "Client certificate check finished: " + outcome.summary() + ".");
        return new CertCheckReport(log.entries(), outcome);
    }

    private CheckOutcome check(CheckLog log, Instant now) {
        Optional<CheckOutcome> skipped = initiation(log, now);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        List<MdmCandidate> usable;
        try {
            usable = search(log, now);
        } catch (CertificateStoreException e) {
            log.error(CheckStep.SEARCH, "Cannot read the certificate stores: " + e.getMessage());
            return new CheckOutcome.StoreUnavailable(e.getMessage());
        }
        if (usable.size() <= 1) {
            String which = usable.isEmpty() ? "No usable certificate" : "One usable certificate, " + usable.get(0).label();
            log.info(CheckStep.SEARCH, which + ": nothing to choose. Deleting CertMetadata.");
            metadata.delete();
            return new CheckOutcome.NothingToChoose(usable.size());
        }
        log.info(CheckStep.SEARCH, usable.size() + " usable certificates: choosing one.");

        List<MdmCandidate> flighted = tenantFlighting(log, usable);
        if (flighted.isEmpty()) {
            log.warn(CheckStep.TENANT_FLIGHTING, "The tenant is not flighted: using none of the "
                    + usable.size() + " certificates. Deleting CertMetadata.");
            metadata.delete();
            return new CheckOutcome.NotFlighted(usable.stream().flatMap(c -> c.accountId().stream()).distinct().toList());
        }
        return validation(log, flighted, now);
    }

    /** Step 2: the certificates carrying the OID, less the expired and keyless ones. */
    private List<MdmCandidate> search(CheckLog log, Instant now) {
        List<MdmCandidate> found = search.search();
        log.info(CheckStep.SEARCH, "Found " + found.size() + " certificate(s) with OID " + IntuneOids.ACCOUNT_ID
                + " in " + StoreLocation.LOCAL_MACHINE.storeName() + " and " + StoreLocation.CURRENT_USER.storeName() + ".");
        List<MdmCandidate> usable = new ArrayList<>();
        for (MdmCandidate c : found) {
            Optional<String> problem = Usability.problem(c.certificate(), now);
            if (problem.isPresent()) {
                log.info(CheckStep.SEARCH, "Dropping certificate " + c.label() + ": " + problem.get() + ".");
            } else {
                usable.add(c);
            }
        }
        return usable;
    }

    /**
     * Step 3: the candidates whose Intune account id is flighted. With certificates of several
     * tenants on one device, the flighted ones go on to validation and the others are dropped.
     */
    private List<MdmCandidate> tenantFlighting(CheckLog log, List<MdmCandidate> usable) {
        List<MdmCandidate> flighted = new ArrayList<>();
        for (MdmCandidate c : usable) {
            Optional<UUID> account = c.accountId();
            boolean yes = account.isPresent() && flighting.isFlighted(account.get());
            log.info(CheckStep.TENANT_FLIGHTING, "Certificate " + c.thumbprint() + ": Intune account id "
                    + account.map(UUID::toString).orElse("unreadable") + (yes ? " is flighted." : " is not flighted."));
            if (yes) {
                flighted.add(c);
            }
        }
        return flighted;
    }

    /** Steps 4 and 5: ask the gateway, then remember its choice in CertMetadata. */
    private CheckOutcome validation(CheckLog log, List<MdmCandidate> flighted, Instant now) {
        CertificateValidationRequest request = new CertificateValidationRequest(
                flighted.stream().map(CertificateValidationRequest.Candidate::of).toList());
        log.info(CheckStep.VALIDATION, "Sending " + flighted.size() + " certificate(s) to the gateway for validation: "
                + flighted.stream().map(MdmCandidate::thumbprint).collect(Collectors.joining(", ")) + ".");
        CertificateValidationResponse response;
        try {
            response = Objects.requireNonNull(gateway.validate(request), "gateway response");
        } catch (IOException e) {
            log.error(CheckStep.VALIDATION, "Validation with the gateway failed: " + e.getMessage()
                    + ". CertMetadata left unchanged.");
            return new CheckOutcome.GatewayUnavailable(String.valueOf(e.getMessage()));
        }
        Set<String> sent = flighted.stream().map(MdmCandidate::thumbprint).collect(Collectors.toSet());
        for (String t : response.validThumbprints()) {
            if (!sent.contains(t)) {
                log.warn(CheckStep.VALIDATION, "The gateway named certificate " + t + ", which was not sent; ignoring it.");
            }
        }
        List<MdmCandidate> valid = flighted.stream()
                .filter(c -> response.validThumbprints().contains(c.thumbprint()))
                .sorted(MdmCandidate.BEST_FIRST)
                .toList();
        if (valid.isEmpty()) {
            log.warn(CheckStep.VALIDATION, "The gateway found none of the " + flighted.size()
                    + " certificate(s) valid: using none. Deleting CertMetadata.");
            metadata.delete();
            return new CheckOutcome.NoneValid(flighted.size());
        }
        MdmCandidate chosen = valid.get(0);
        log.info(CheckStep.VALIDATION, "The gateway validated certificate " + chosen.label()
                + (valid.size() > 1 ? "; it expires last of the " + valid.size() + " it validated." : "."));

        CertMetadataKey.Values values = new CertMetadataKey.Values(chosen.thumbprint(),
                chosen.certificate().subjectName(), now.truncatedTo(ChronoUnit.SECONDS),
                chosen.certificate().location().dotNetName());
        metadata.write(values);
        log.info(CheckStep.STORAGE, "Stored CertMetadata: Thumbprint=" + values.thumbprint() + ", SubjectName="
                + values.subjectName() + ", ValidationTime=" + values.validationTimeText() + ", StoreLocation="
                + values.storeLocation() + ".");
        return new CheckOutcome.Selected(chosen, values);
    }

    private Optional<CheckOutcome> initiation(CheckLog log, Instant now) {
        switch (metadata.read()) {
            case CertMetadataKey.Reading.Absent a -> {
                log.info(CheckStep.INITIATION, "No CertMetadata: checking the certificate stores.");
                return Optional.empty();
            }
            case CertMetadataKey.Reading.Malformed m -> {
                log.warn(CheckStep.INITIATION, "CertMetadata is unusable (" + m.reason() + "): checking the certificate stores.");
                return Optional.empty();
            }
            case CertMetadataKey.Reading.Present p -> {
                CertMetadataKey.Values v = p.values();
                Duration age = Duration.between(v.validationTime(), now);
                String validated = "CertMetadata (certificate " + v.thumbprint() + ") was validated at "
                        + Usability.time(v.validationTime());
                if (age.isNegative()) {
                    log.warn(CheckStep.INITIATION, validated + ", which is in the future: checking the certificate stores.");
                    return Optional.empty();
                }
                if (age.compareTo(METADATA_MAX_AGE) >= 0) {
                    log.info(CheckStep.INITIATION, validated + ", " + hours(age) + " ago, more than 24 hours: "
                            + "checking the certificate stores.");
                    return Optional.empty();
                }
                StoreLocation location;
                try {
                    location = StoreLocation.parse(v.storeLocation());
                } catch (IllegalArgumentException e) {
                    log.warn(CheckStep.INITIATION, "CertMetadata is unusable (StoreLocation '" + v.storeLocation()
                            + "'): checking the certificate stores.");
                    return Optional.empty();
                }
                Optional<MdmCandidate> current;
                try {
                    current = search.find(location, v.thumbprint());
                } catch (CertificateStoreException e) {
                    log.warn(CheckStep.INITIATION, "Cannot read " + location.storeName() + ": " + e.getMessage()
                            + ". Checking the certificate stores.");
                    return Optional.empty();
                }
                if (current.isEmpty()) {
                    log.info(CheckStep.INITIATION, validated + ", but that certificate is no longer in "
                            + location.storeName() + ": checking the certificate stores.");
                    return Optional.empty();
                }
                Optional<String> problem = Usability.problem(current.get(), now);
                if (problem.isPresent()) {
                    log.info(CheckStep.INITIATION, validated + ", but that certificate is no longer valid ("
                            + problem.get() + "): checking the certificate stores.");
                    return Optional.empty();
                }
                log.info(CheckStep.INITIATION, validated + ", " + hours(age) + " ago, and the certificate is still "
                        + "present and valid in " + location.storeName() + ". Skipping the check.");
                return Optional.of(new CheckOutcome.Skipped(v));
            }
        }
    }

    private static CheckStep lastStep(CheckOutcome outcome) {
        return switch (outcome) {
            case CheckOutcome.Skipped s -> CheckStep.INITIATION;
            case CheckOutcome.NothingToChoose n -> CheckStep.SEARCH;
            case CheckOutcome.StoreUnavailable s -> CheckStep.SEARCH;
            case CheckOutcome.NotFlighted n -> CheckStep.TENANT_FLIGHTING;
            case CheckOutcome.NoneValid n -> CheckStep.VALIDATION;
            case CheckOutcome.GatewayUnavailable g -> CheckStep.VALIDATION;
            case CheckOutcome.Selected s -> CheckStep.STORAGE;
        };
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 120 ? minutes + " minutes" : (minutes / 60) + " hours";
    }
}
