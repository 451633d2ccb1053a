package org.imelab.bench;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.Thumbprints;
import org.imelab.certpicker.check.CertificateValidationResponse;
import org.imelab.certpicker.check.CheckOutcome;
import org.imelab.certpicker.check.ClientCertChecker;
import org.imelab.certpicker.check.MdmCertificateSearch;
import org.imelab.certpicker.check.TenantFlighting;
import org.imelab.certpicker.mdm.IntuneOids;
import org.imelab.certpicker.mdm.LabTenant;
import org.imelab.certpicker.mdm.MdmCertificateBuilder;
import org.imelab.certpicker.portable.PortableCertificateSource;
import org.imelab.registry.ime.CertMetadataKey;
import org.imelab.registry.memory.MemoryRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.helpers.NOPLogger;

/**
 * A full Client Cert Checker run (steps 1 to 5, stale CertMetadata) over 1,000 certificates in
 * the portable stores: 700 lab MDM certificates and 100 each of expired, keyless and non-MDM
 * ones, split over LocalMachine\My and CurrentUser\My. The gateway answers in-process.
 *
 * <p>Reference: the least any checker must do with the same stores: list both folders, parse every
 * certificate with the JDK's CertificateFactory and test it for the OID and its validity.
 * Logging is off (a NOP logger) so the figure is the checker's, not the log appender's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CertCheckBenchmark {
    static final int TOTAL = 1000;
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    Path dir;
    PortableCertificateSource store;
    MemoryRegistry registry;
    CertMetadataKey metadata;
    ClientCertChecker checker;
    String issuedThumbprint;

    @Setup(Level.Trial)
    public void createStores() throws Exception {
        dir = Files.createTempDirectory("imelab-certbench");
        store = new PortableCertificateSource(dir);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair caKeys = g.generateKeyPair();
        KeyPair deviceKeys = g.generateKeyPair();
        X509Certificate ca = selfSigned(caKeys);

        for (int i = 0; i < TOTAL; i++) {
            StoreLocation location = i % 2 == 0 ? StoreLocation.LOCAL_MACHINE : StoreLocation.CURRENT_USER;
            int kind = i % 10; // 0: expired, 1: keyless, 2: not MDM, else a usable lab certificate
            Instant from = kind == 0 ? NOW.minus(Duration.ofDays(800)) : NOW.minus(Duration.ofDays(30));
            Instant to = kind == 0 ? NOW.minus(Duration.ofDays(400)) : NOW.plus(Duration.ofDays(100 + i));
            X509Certificate cert = kind == 2 ? plain(ca, caKeys, deviceKeys, i, from, to)
                    : MdmCertificateBuilder.issuedBy(ca, caKeys.getPrivate()).publicKey(deviceKeys.getPublic())
                    .deviceId(UUID.randomUUID()).accountId(LabTenant.ACCOUNT_ID).tenantId(LabTenant.TENANT_ID)
                    .validity(from, to).serial(BigInteger.valueOf(10_000 + i)).build();
            if (kind == 1) {
                store.addCertificate(location, cert);
            } else {
                store.add(location, cert, deviceKeys.getPrivate());
            }
            if (i == 500 + 3) {
                issuedThumbprint = Thumbprints.of(cert);
            }
        }
        registry = new MemoryRegistry();
        metadata = CertMetadataKey.of(registry);
        InstantSource clock = InstantSource.fixed(NOW);
        checker = new ClientCertChecker(new MdmCertificateSearch(store), metadata, TenantFlighting.labDefault(),
                request -> CertificateValidationResponse.valid(java.util.List.of(issuedThumbprint)),
                clock, NOPLogger.NOP_LOGGER);
    }

    @TearDown(Level.Trial)
    public void deleteStores() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Steps 1 to 5 with CertMetadata two days old: every certificate is read and judged. */
    @Benchmark
    public CheckOutcome fullCheck() {
        metadata.write(new CertMetadataKey.Values(issuedThumbprint, "CN=x", NOW.minus(Duration.ofDays(2)),
                "LocalMachine"));
        CheckOutcome outcome = checker.run().outcome();
        if (!(outcome instanceof CheckOutcome.Selected)) {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
        return outcome;
    }

    /** Step 1 with fresh CertMetadata: one lookup, then skip. */
    @Benchmark
    public CheckOutcome freshSkip() {
        metadata.write(new CertMetadataKey.Values(issuedThumbprint, "CN=x", NOW.minus(Duration.ofHours(1)),
                "CurrentUser"));
        return checker.run().outcome();
    }

    /** Reference: list and parse every certificate with the JDK alone and test the OID and dates. */
    @Benchmark
    public int referenceParseAll() throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int usable = 0;
        for (StoreLocation location : StoreLocation.values()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(store.directory(location), "*.crt")) {
                for (Path p : ds) {
                    // whole file first: CertificateFactory reads an unbuffered stream byte by byte
                    X509Certificate c = (X509Certificate) cf.generateCertificate(
                            new ByteArrayInputStream(Files.readAllBytes(p)));
                    if (c.getExtensionValue(IntuneOids.ACCOUNT_ID) != null && !NOW.isAfter(c.getNotAfter().toInstant())) {
                        usable++;
                    }
                }
            }
        }
        return usable;
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=" + LabTenant.DEVICE_CA_NAME);
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(NOW.minus(Duration.ofDays(1000))),
                Date.from(NOW.plus(Duration.ofDays(3650))), name, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static X509Certificate plain(X509Certificate ca, KeyPair caKeys, KeyPair keys, int i, Instant from, Instant to)
            throws Exception {
        var b = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(10_000 + i), Date.from(from), Date.from(to),
                new X500Name("CN=wifi-" + i + ".contoso.com"), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
    }
}
