package org.imelab.certpicker.check;

import static org.imelab.certpicker.StoreLocation.CURRENT_USER;
import static org.imelab.certpicker.StoreLocation.LOCAL_MACHINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.imelab.certpicker.CertificateFiles;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.mdm.IntuneExtensions;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.certpicker.testing.RecordingLogger;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.ime.ImeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** Every branch of the Client Cert Checker's steps 1 to 5. */
class ClientCertCheckerTest {
    static final RegPath KEY = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\IntuneManagementExtension\\CertMetadata");

    @TempDir
    Path dir;
    CheckerFixture f;

    @BeforeEach
    void setUp() {
        f = new CheckerFixture(dir);
    }

    // ---- step 2: search

    @Test
    void noCertificateAtAll_stopsAndDeletesCertMetadata() {
        f.writeMetadata("AB".repeat(20), CheckerFixture.T0.minus(Duration.ofDays(3)), LOCAL_MACHINE);
        CertCheckReport r = f.checker().run();
        assertEquals(new CheckOutcome.NothingToChoose(0), r.outcome());
        assertFalse(f.registry.exists(KEY));
        assertTrue(f.gateway.requests.isEmpty());
        assertLogged("No usable certificate: nothing to choose. Deleting CertMetadata.");
    }

    @Test
    void certificatesWithoutTheOidAreNotCandidates() {
        var plain = f.pki.plain("wifi.contoso.com", CheckerFixture.T0.minus(Duration.ofDays(1)),
                CheckerFixture.T0.plus(Duration.ofDays(100)));
        f.store.add(LOCAL_MACHINE, plain.certificate(), plain.privateKey());
        f.lab(LOCAL_MACHINE, 100);
        CertCheckReport r = f.checker().run();
        assertEquals(new CheckOutcome.NothingToChoose(1), r.outcome());
        assertLogged("Found 1 certificate(s) with OID 1.2.840.113556.5.6 in LocalMachine\\My and CurrentUser\\My.");
    }

    @Test
    void expiredAndKeylessCertificatesAreDropped_leavingOne() {
        String expired = f.expired(LOCAL_MACHINE, 2);
        String keyless = f.add(CURRENT_USER, LabTenant.ACCOUNT_ID, 200, false);
        String good = f.lab(LOCAL_MACHINE, 100);
        f.writeMetadata(expired, CheckerFixture.T0.minus(Duration.ofDays(2)), LOCAL_MACHINE);

        CertCheckReport r = f.checker().run();

        assertEquals(new CheckOutcome.NothingToChoose(1), r.outcome());
        assertFalse(f.registry.exists(KEY), "CertMetadata deleted");
        assertTrue(f.gateway.requests.isEmpty(), "nothing to validate");
        assertLoggedStartingWith("Dropping certificate " + expired + " (CN=");
        assertLoggedContaining(expired, ": expired on " + ImeTime.format(CheckerFixture.T0.minus(Duration.ofDays(2))) + " UTC.");
        assertLoggedContaining(keyless, "CurrentUser\\My): no private key.");
        assertLoggedContaining("One usable certificate, " + good, "nothing to choose. Deleting CertMetadata.");
    }

    @Test
    void aCertificateNotYetValidIsDropped() {
        var future = f.pki.mdm(LabTenant.ACCOUNT_ID, CheckerFixture.T0.plus(Duration.ofDays(1)),
                CheckerFixture.T0.plus(Duration.ofDays(300)));
        f.store.add(LOCAL_MACHINE, future.certificate(), future.privateKey());
        f.lab(LOCAL_MACHINE, 100);
        assertEquals(new CheckOutcome.NothingToChoose(1), f.checker().run().outcome());
        assertLoggedContaining(Thumbprints.of(future.certificate()), "not valid before");
    }

    // ---- step 3: tenant flighting

    @Test
    void severalCertificatesOfAnUnflightedTenant_useNoneAndDeleteCertMetadata() {
        f.add(LOCAL_MACHINE, CheckerFixture.OTHER_ACCOUNT, 100, true);
        f.add(LOCAL_MACHINE, CheckerFixture.OTHER_ACCOUNT, 200, true);
        f.writeMetadata("CD".repeat(20), CheckerFixture.T0.minus(Duration.ofDays(2)), LOCAL_MACHINE);

        CertCheckReport r = f.checker().run();

        assertEquals(new CheckOutcome.NotFlighted(List.of(CheckerFixture.OTHER_ACCOUNT)), r.outcome());
        assertFalse(f.registry.exists(KEY));
        assertTrue(f.gateway.requests.isEmpty(), "an unflighted tenant is never sent to validation");
        assertLoggedContaining("Intune account id " + CheckerFixture.OTHER_ACCOUNT + " is not flighted.");
        assertLogged("The tenant is not flighted: using none of the 2 certificates. Deleting CertMetadata.");
        assertEquals(Level.WARN, line("The tenant is not flighted").level());
    }

    @Test
    void flightingIsConfiguration_anotherAccountCanBeFlighted() {
        f.flighting = TenantFlighting.of(List.of(CheckerFixture.OTHER_ACCOUNT));
        String a = f.add(LOCAL_MACHINE, CheckerFixture.OTHER_ACCOUNT, 100, true);
        f.add(LOCAL_MACHINE, CheckerFixture.OTHER_ACCOUNT, 200, true);
        f.gateway.issued(a);
        assertInstanceOf(CheckOutcome.Selected.class, f.checker().run().outcome());
    }

    @Test
    void onlyFlightedCertificatesAreSentForValidation() {
        String lab1 = f.lab(LOCAL_MACHINE, 100);
        String lab2 = f.lab(CURRENT_USER, 200);
        String other = f.add(LOCAL_MACHINE, CheckerFixture.OTHER_ACCOUNT, 300, true);
        f.gateway.issued(lab1);

        CertCheckReport r = f.checker().run();

        assertEquals(1, f.gateway.requests.size());
        assertEquals(Set.of(lab1, lab2), Set.copyOf(f.gateway.requests.get(0).candidates().stream()
                .map(CertificateValidationRequest.Candidate::thumbprint).toList()));
        assertLoggedContaining("Certificate " + other + ": Intune account id " + CheckerFixture.OTHER_ACCOUNT + " is not flighted.");
        assertEquals(lab1, ((CheckOutcome.Selected) r.outcome()).metadata().thumbprint());
    }

    // ---- steps 4 and 5: validation and storage

    @Test
    void severalFlighted_theGatewayPicks_andCertMetadataIsStored() throws Exception {
        String older = f.lab(LOCAL_MACHINE, 100);
        String newer = f.lab(CURRENT_USER, 300);
        f.gateway.issued(older); // the gateway, not the expiry, decides which one is right

        CertCheckReport r = f.checker().run();

        CheckOutcome.Selected selected = assertInstanceOf(CheckOutcome.Selected.class, r.outcome());
        assertEquals(older, selected.certificate().thumbprint());
        Map<String, RegValue> values = f.registry.values(KEY);
        assertEquals(RegValue.sz(older), values.get("Thumbprint"));
        String cn = IntuneExtensions.decode(selected.certificate().certificate().certificate()).deviceId().orElseThrow().toString();
        assertEquals(RegValue.sz("CN=" + cn), values.get("SubjectName"));
        assertEquals(RegValue.sz("11/22/2026 10:00:00"), values.get("ValidationTime"));
        assertEquals(RegValue.sz("LocalMachine"), values.get("StoreLocation"));
        assertEquals(4, values.size());

        CertificateValidationRequest request = f.gateway.requests.get(0);
        assertEquals(2, request.candidates().size());
        CertificateValidationRequest.Candidate sent = request.candidates().stream()
                .filter(c -> c.thumbprint().equals(newer)).findFirst().orElseThrow();
        assertEquals(LabTenant.ACCOUNT_ID, sent.accountId());
        assertEquals("CurrentUser", sent.storeLocation());
        X509Certificate blob = CertificateFiles.readCertificates(Base64.getDecoder().decode(sent.certificateBlob()), "blob").get(0);
        assertEquals(newer, Thumbprints.of(blob));
        assertEquals(Optional.of(UUID.fromString(IntuneExtensions.subjectCommonName(blob))), sent.deviceId());
        assertEquals("CN=" + sent.deviceId().orElseThrow(), sent.subjectName());

        assertLoggedStartingWith("Sending 2 certificate(s) to the gateway for validation: ");
        assertLoggedStartingWith("The gateway validated certificate " + older);
        assertLogged("Stored CertMetadata: Thumbprint=" + older + ", SubjectName=CN=" + cn
                + ", ValidationTime=11/22/2026 10:00:00, StoreLocation=LocalMachine.");
    }

    @Test
    void whenTheGatewayValidatesSeveral_theLatestExpiryWins() {
        String a = f.lab(LOCAL_MACHINE, 100);
        String b = f.lab(CURRENT_USER, 300);
        f.gateway.issued(a, b);
        CheckOutcome.Selected s = assertInstanceOf(CheckOutcome.Selected.class, f.checker().run().outcome());
        assertEquals(b, s.metadata().thumbprint());
        assertEquals("CurrentUser", s.metadata().storeLocation());
    }

    @Test
    void theGatewaySaysNoneIsValid_useNoneAndDeleteCertMetadata() {
        f.lab(LOCAL_MACHINE, 100);
        f.lab(LOCAL_MACHINE, 200);
        f.writeMetadata("EF".repeat(20), CheckerFixture.T0.minus(Duration.ofDays(5)), LOCAL_MACHINE);

        CertCheckReport r = f.checker().run();

        assertEquals(new CheckOutcome.NoneValid(2), r.outcome());
        assertFalse(f.registry.exists(KEY));
        assertLogged("The gateway found none of the 2 certificate(s) valid: using none. Deleting CertMetadata.");
    }

    @Test
    void aThumbprintTheCheckerDidNotSendIsIgnored() {
        f.lab(LOCAL_MACHINE, 100);
        f.lab(LOCAL_MACHINE, 200);
        f.gateway.issued("12".repeat(20));
        assertEquals(new CheckOutcome.NoneValid(2), f.checker().run().outcome());
        assertLogged("The gateway named certificate " + "12".repeat(20) + ", which was not sent; ignoring it.");
    }

    @Test
    void anUnreachableGatewayLeavesCertMetadataAsItWas() {
        String a = f.lab(LOCAL_MACHINE, 100);
        f.lab(LOCAL_MACHINE, 200);
        f.writeMetadata(a, CheckerFixture.T0.minus(Duration.ofDays(2)), LOCAL_MACHINE);
        Map<String, RegValue> before = f.registry.values(KEY);
        f.gateway.failure = new IOException("connect timed out");

        CertCheckReport r = f.checker().run();

        assertEquals(new CheckOutcome.GatewayUnavailable("connect timed out"), r.outcome());
        assertEquals(before, f.registry.values(KEY));
        assertEquals(Level.ERROR, line("Validation with the gateway failed").level());
    }

    @Test
    void anUnreadableStoreEndsTheRunAndKeepsCertMetadata() throws IOException {
        Files.createDirectories(f.store.directory(LOCAL_MACHINE).getParent());
        Files.writeString(f.store.directory(LOCAL_MACHINE), "a file where the store folder should be");
        f.writeMetadata("AB".repeat(20), CheckerFixture.T0.minus(Duration.ofDays(2)), LOCAL_MACHINE);
        CertCheckReport r = f.checker().run();
        assertInstanceOf(CheckOutcome.StoreUnavailable.class, r.outcome());
        assertTrue(f.registry.exists(KEY));
    }

    // ---- step 1: initiation and the 24 h rule

    @Test
    void freshCertMetadataWithItsCertificatePresent_skipsTheCheck_untilTwentyFourHoursHavePassed() {
        String a = f.lab(LOCAL_MACHINE, 100);
        String b = f.lab(LOCAL_MACHINE, 200);
        f.gateway.issued(a);
        assertInstanceOf(CheckOutcome.Selected.class, f.checker().run().outcome());
        assertEquals(1, f.gateway.requests.size());

        f.clock.advance(Duration.ofHours(23).plusMinutes(59).plusSeconds(59));
        f.log.clear();
        CertCheckReport skipped = f.checker().run();
        CheckOutcome.Skipped s = assertInstanceOf(CheckOutcome.Skipped.class, skipped.outcome());
        assertEquals(a, s.metadata().thumbprint());
        assertEquals(1, f.gateway.requests.size(), "no validation while fresh");
        assertLogged("CertMetadata (certificate " + a + ") was validated at 11/22/2026 10:00:00 UTC, 23 hours ago, "
                + "and the certificate is still present and valid in LocalMachine\\My. Skipping the check.");

        f.clock.advance(Duration.ofSeconds(1)); // exactly 24 h: stale
        f.gateway.issued.clear();
        f.gateway.issued(b);
        CheckOutcome.Selected again = assertInstanceOf(CheckOutcome.Selected.class, f.checker().run().outcome());
        assertEquals(2, f.gateway.requests.size());
        assertEquals(b, again.metadata().thumbprint());
        assertEquals(RegValue.sz("11/23/2026 10:00:00"), f.registry.get(KEY, "ValidationTime").orElseThrow());
    }

    @Test
    void freshCertMetadataPointingAtAVanishedCertificate_runsTheCheck() {
        String a = f.lab(LOCAL_MACHINE, 100);
        String b = f.lab(CURRENT_USER, 200);
        f.writeMetadata(a, CheckerFixture.T0.minus(Duration.ofHours(1)), LOCAL_MACHINE);
        f.store.remove(LOCAL_MACHINE, a);
        f.lab(LOCAL_MACHINE, 300);
        f.gateway.issued(b);

        CheckOutcome.Selected s = assertInstanceOf(CheckOutcome.Selected.class, f.checker().run().outcome());
        assertEquals(b, s.metadata().thumbprint());
        assertLoggedContaining("but that certificate is no longer in LocalMachine\\My: checking the certificate stores.");
    }

    @Test
    void freshCertMetadataWhoseCertificateExpiredMeanwhile_runsTheCheck() {
        var shortLived = f.pki.mdm(LabTenant.ACCOUNT_ID, CheckerFixture.T0.minus(Duration.ofDays(300)),
                CheckerFixture.T0.plus(Duration.ofHours(2)));
        f.store.add(LOCAL_MACHINE, shortLived.certificate(), shortLived.privateKey());
        f.lab(LOCAL_MACHINE, 200);
        f.writeMetadata(Thumbprints.of(shortLived.certificate()), CheckerFixture.T0, LOCAL_MACHINE);
        f.clock.advance(Duration.ofHours(3)); // CertMetadata is fresh, but its certificate has expired
        CertCheckReport r = f.checker().run();
        assertEquals(new CheckOutcome.NothingToChoose(1), r.outcome());
        assertLoggedContaining("but that certificate is no longer valid (expired on 11/22/2026 12:00:00 UTC)");
    }

    @Test
    void freshCertMetadataWhoseCertificateLostItsKey_runsTheCheck() throws IOException {
        String a = f.lab(LOCAL_MACHINE, 100);
        f.writeMetadata(a, CheckerFixture.T0.minus(Duration.ofMinutes(5)), LOCAL_MACHINE);
        Files.delete(f.store.directory(LOCAL_MACHINE).resolve(a + ".key"));
        assertEquals(new CheckOutcome.NothingToChoose(0), f.checker().run().outcome());
        assertLoggedContaining("no longer valid (no private key)");
    }

    @Test
    void unreadableCertMetadataIsReportedAndTheCheckRuns() {
        f.registry.put(KEY, "Thumbprint", RegValue.sz("AB".repeat(20)));
        f.registry.put(KEY, "SubjectName", RegValue.sz("CN=x"));
        f.registry.put(KEY, "ValidationTime", RegValue.sz("2026-11-22T10:00:00Z"));
        f.registry.put(KEY, "StoreLocation", RegValue.sz("LocalMachine"));
        f.checker().run();
        assertEquals(Level.WARN, line("CertMetadata is unusable").level());
        assertLoggedContaining("ValidationTime '2026-11-22T10:00:00Z' is not MM/dd/yyyy HH:mm:ss");
    }

    @Test
    void certMetadataFromTheFutureIsNotTrusted() {
        String a = f.lab(LOCAL_MACHINE, 100);
        f.writeMetadata(a, CheckerFixture.T0.plus(Duration.ofHours(3)), LOCAL_MACHINE);
        assertEquals(new CheckOutcome.NothingToChoose(1), f.checker().run().outcome());
        assertLoggedContaining("which is in the future");
    }

    // ---- the log

    @Test
    void everyLineIsPrefixedAndTheReportSaysWhatTheLogSays() {
        f.lab(LOCAL_MACHINE, 100);
        String b = f.lab(LOCAL_MACHINE, 200);
        f.gateway.issued(b);
        CertCheckReport r = f.checker().run();
        List<String> lines = f.log.messages();
        assertEquals(r.entries().size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("[ClientCertCheck] " + r.entries().get(i).message(), lines.get(i));
        }
        assertEquals("Client certificate check started.", r.entries().get(0).message());
        assertEquals(CheckStep.STORAGE, r.entries().get(r.entries().size() - 1).step());
        assertTrue(lines.get(lines.size() - 1).startsWith("[ClientCertCheck] Client certificate check finished: selected " + b));
        for (CheckStep step : List.of(CheckStep.INITIATION, CheckStep.SEARCH, CheckStep.TENANT_FLIGHTING,
                CheckStep.VALIDATION, CheckStep.STORAGE)) {
            assertFalse(r.entries(step).isEmpty(), step + " reported");
        }
    }

    @Test
    void nothingSecretIsLogged() throws Exception {
        String a = f.lab(LOCAL_MACHINE, 100);
        f.lab(LOCAL_MACHINE, 200);
        f.gateway.issued(a);
        f.checker().run();
        String all = String.join("\n", f.log.messages());
        String keyPem = Files.readString(f.store.directory(LOCAL_MACHINE).resolve(a + ".key"));
        String keyBody = keyPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertFalse(all.contains("PRIVATE KEY"));
        assertFalse(all.contains(keyBody));
        assertFalse(all.contains(keyBody.substring(0, 16)));
        assertFalse(all.contains("MII"), "no Base64 DER (certificates or keys) in the log");
    }

    private RecordingLogger.Line line(String prefix) {
        return f.log.lines().stream().filter(l -> l.message().startsWith("[ClientCertCheck] " + prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in\n"
                        + String.join("\n", f.log.messages())));
    }

    private void assertLogged(String message) {
        assertTrue(f.log.messages().contains("[ClientCertCheck] " + message),
                "missing '" + message + "' in\n" + String.join("\n", f.log.messages()));
    }

    private void assertLoggedStartingWith(String prefix) {
        line(prefix);
    }

    private void assertLoggedContaining(String... parts) {
        assertTrue(f.log.messages().stream().anyMatch(m -> {
            for (String p : parts) {
                if (!m.contains(p)) {
                    return false;
                }
            }
            return true;
        }), "no line containing " + List.of(parts) + " in\n" + String.join("\n", f.log.messages()));
    }
}
