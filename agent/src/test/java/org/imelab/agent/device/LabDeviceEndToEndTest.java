package org.imelab.agent.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.imelab.agent.win32app.content.DownloadProgress;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.imelab.agent.DataHome;
import org.imelab.agent.enroll.LabEnrollment;
import org.imelab.agent.sync.CheckinOutcome;
import org.imelab.agent.sync.CheckinRequest;
import org.imelab.agent.sync.CheckinTrigger;
import org.imelab.agent.time.ManualScheduler;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.check.CheckOutcome;
import org.imelab.certpicker.mdm.IntuneExtensions;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.gateway.lab.LabDevice;
import org.imelab.registry.file.FileRegistry;
import org.imelab.registry.ime.CertMetadataKey;
import org.imelab.registry.ime.ImeLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device side of {@code imelab run --lab}, composed as the daemon composes it, over real HTTPS
 * on loopback: lab enrollment, the Client Cert Checker, GetDeviceCertificate and a mutual-TLS
 * check-in; then a restart (the enrollment is reused) and a lab with a new CA (the device enrolls
 * again and the checker chooses the new certificate among two).
 */
class LabDeviceEndToEndTest {
    private static final String DEVICE_NAME = "E2E-PC1";

    @TempDir
    Path dir;

    private DataHome home;
    private Path labFile;

    /** One run of the daemon's device side: what RunCommand builds, here closed by the test. */
    private record Run(EmbeddedLab lab, FileRegistry registry, LabEnrollment.Enrolled enrolled, DeviceStack device)
            implements AutoCloseable {
        @Override
        public void close() {
            device.close();
            lab.close();
            registry.close();
        }
    }

    private Run start() throws Exception {
        EmbeddedLab lab = EmbeddedLab.start(home, labFile);
        FileRegistry registry = new FileRegistry(home.registryDir());
        ManualScheduler scheduler = new ManualScheduler(Instant.now());
        try {
            LabEnrollment.Enrolled enrolled = lab.enroll(home, registry, ImeLayout.standard(), DEVICE_NAME,
                    scheduler.now());
            DeviceStack device = new DeviceStack(home, registry, ImeLayout.standard(), scheduler,
                    lab.gateway().sideCarUrl(), lab.trust(), DEVICE_NAME, DownloadProgress.NONE,
                    new HostMachine(List::of, HostMachine.NEVER_RESTART));
            return new Run(lab, registry, enrolled, device);
        } catch (Exception | Error e) {
            lab.close();
            registry.close();
            throw e;
        }
    }

    private static CheckinOutcome checkIn(Run run) throws Exception {
        return run.device().checkinHandler().checkIn(
                new CheckinRequest(1, Set.of(CheckinTrigger.SERVICE_START), Instant.now()));
    }

    private void setUp() throws IOException {
        home = new DataHome(dir.resolve("home"));
        labFile = dir.resolve("e2e-lab.json"); // outside the lab's state folder, so wiping the lab keeps it
        Files.writeString(labFile, "{ \"name\": \"e2e lab\", \"apps\": [] }");
    }

    @Test
    void enrollsChecksTheCertificateAndChecksInWithMutualTls() throws Exception {
        setUp();
        try (Run run = start()) {
            LabEnrollment.Enrolled enrolled = run.enrolled();
            assertFalse(enrolled.reused(), "a fresh data home enrolls");
            assertTrue(enrolled.certificate().hasPrivateKey());
            assertEquals(StoreLocation.LOCAL_MACHINE, enrolled.certificate().location());

            // the certificate carries the Intune extensions as real MDM certificates do
            IntuneExtensions intune = IntuneExtensions.decode(enrolled.certificate().certificate());
            assertEquals(List.of(), intune.problems());
            assertTrue(intune.accountIdPresent());
            assertEquals(UUID.fromString(enrolled.deviceId()), intune.deviceId().orElseThrow());
            assertEquals(enrolled.deviceId(), IntuneExtensions.subjectCommonName(enrolled.certificate().certificate()),
                    "CN = device id");
            assertEquals(LabTenant.ACCOUNT_ID, intune.accountId().orElseThrow());
            assertEquals(LabTenant.TENANT_ID, intune.tenantId().orElseThrow());

            // the lab knows the device by that certificate
            LabDevice known = run.lab().gateway().devices().getFirst();
            assertEquals(1, run.lab().gateway().devices().size());
            assertEquals(enrolled.certificate().thumbprint(), known.thumbprint());
            assertEquals(DEVICE_NAME, known.deviceName());

            // the Client Cert Checker finds exactly it; GetDeviceCertificate returns it
            assertInstanceOf(CheckOutcome.NothingToChoose.class, run.device().initialCheck().outcome());
            assertEquals(enrolled.certificate().thumbprint(), run.device().certificate().thumbprint());

            // the gateway client presents it: the check-in succeeds and says with which certificate
            CheckinOutcome outcome = checkIn(run);
            assertTrue(outcome.success(), outcome.summary());
            assertEquals(enrolled.certificate().thumbprint(), outcome.certificateThumbprint().orElseThrow());
            assertEquals(run.lab().gateway().sideCarUrl(), outcome.gatewayUrl().orElseThrow());

            // and the same URL without a client certificate is refused
            assertEquals(403, anonymousSession(run));
        }
    }

    @Test
    void aRestartReusesTheEnrollment() throws Exception {
        setUp();
        String thumbprint;
        String deviceId;
        try (Run first = start()) {
            thumbprint = first.enrolled().certificate().thumbprint();
            deviceId = first.enrolled().deviceId();
        }
        try (Run second = start()) {
            assertTrue(second.enrolled().reused(), "no second /lab/enroll");
            assertEquals(thumbprint, second.enrolled().certificate().thumbprint());
            assertEquals(deviceId, second.enrolled().deviceId());
            assertEquals(1, second.lab().gateway().devices().size(), "the lab enrolled one device once");
            assertEquals(1, store().list(StoreLocation.LOCAL_MACHINE).size(), "one certificate in the store");
            assertEquals(thumbprint, second.device().certificate().thumbprint());
            CheckinOutcome outcome = checkIn(second);
            assertTrue(outcome.success(), outcome.summary());
        }
    }

    @Test
    void aLabWithANewCaMakesTheDeviceEnrollAgainAndTheCheckerChoosesTheNewCertificate() throws Exception {
        setUp();
        String oldThumbprint;
        try (Run first = start()) {
            oldThumbprint = first.enrolled().certificate().thumbprint();
        }
        deleteTree(home.root().resolve("lab-gateway")); // the lab is wiped: a new CA, no devices

        try (Run second = start()) {
            assertFalse(second.enrolled().reused(), "the old enrollment belongs to another CA");
            String newThumbprint = second.enrolled().certificate().thumbprint();
            assertNotEquals(oldThumbprint, newThumbprint);
            assertEquals(2, store().list(StoreLocation.LOCAL_MACHINE).size(), "both MDM certificates are in the store");

            // two candidates of the flighted lab account: the gateway validates the one it issued
            CheckOutcome check = second.device().initialCheck().outcome();
            CheckOutcome.Selected selected = assertInstanceOf(CheckOutcome.Selected.class, check, check.summary());
            assertEquals(newThumbprint, selected.certificate().thumbprint());
            CertMetadataKey.Reading metadata = new CertMetadataKey(second.registry(), ImeLayout.standard()).read();
            assertEquals(newThumbprint, assertInstanceOf(CertMetadataKey.Reading.Present.class, metadata).values()
                    .thumbprint(), "CertMetadata names the chosen certificate");
            assertEquals(newThumbprint, second.device().certificate().thumbprint());

            CheckinOutcome outcome = checkIn(second);
            assertTrue(outcome.success(), outcome.summary());
            assertEquals(newThumbprint, outcome.certificateThumbprint().orElseThrow());
        }
    }

    private PortableCertificateSource store() {
        return new PortableCertificateSource(home.certStoreDir());
    }

    /** A SideCar session over TLS that trusts the lab but presents no client certificate. */
    private static int anonymousSession(Run run) throws Exception {
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {run.lab().trust()}, null);
        OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), run.lab().trust())
                .callTimeout(30, TimeUnit.SECONDS).build();
        try (Response r = http.newCall(new Request.Builder()
                .url(run.lab().gateway().sideCarUrl() + "/SideCarGatewaySessions('" + UUID.randomUUID()
                        + "')?api-version=1.5")
                .put(RequestBody.create("{}", MediaType.get("application/json"))).build()).execute()) {
            return r.code();
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
