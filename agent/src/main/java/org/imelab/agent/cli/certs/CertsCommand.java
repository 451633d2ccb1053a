package org.imelab.agent.cli.certs;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.certpicker.CertificateCandidate;
import org.imelab.certpicker.CertificateSource;
import org.imelab.certpicker.CertificateSources;
import org.imelab.certpicker.CertificateStoreException;
import org.imelab.certpicker.StoreLocation;
import org.imelab.certpicker.check.TenantFlighting;
import org.imelab.certpicker.mdm.IntuneExtensions;
import org.imelab.certpicker.mdm.IntuneOids;
import org.imelab.certpicker.mdm.LabTenant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code imelab certs}: the MDM certificate candidates in LocalMachine\My and CurrentUser\My, with
 * what the Client Cert Checker looks at (expiry, private key, the decoded Intune ids).
 */
@Command(name = "certs",
        description = "List the MDM certificate candidates (OID " + IntuneOids.ACCOUNT_ID + ") in both stores.",
        mixinStandardHelpOptions = true,
        subcommands = {CertsShowCommand.class, CertsCheckCommand.class})
public final class CertsCommand implements Callable<Integer> {
    static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @ParentCommand
    ImelabCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "KIND", scope = CommandLine.ScopeType.INHERIT,
            description = "Certificate stores: windows (Crypt32) or portable (the data home's certstore folder). "
                    + "Default: windows on Windows, else portable.")
    String store;

    @Option(names = "--flighted-account", paramLabel = "GUID", scope = CommandLine.ScopeType.INHERIT,
            description = "An Intune account id (OID " + IntuneOids.ACCOUNT_ID + ") to flight; repeatable. "
                    + "Default: the lab account " + LabTenant.ACCOUNT_ID_TEXT + ".")
    List<UUID> flightedAccounts = new ArrayList<>();

    @Option(names = "--all", description = "List every certificate, not only those carrying the OID.")
    boolean all;

    CertificateSource source() {
        CertificateSources.Kind kind;
        if (store == null) {
            kind = CertificateSources.defaultKind(System.getProperty("os.name", ""));
        } else {
            try {
                kind = CertificateSources.Kind.valueOf(store.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--store must be windows or portable, not '" + store + "'");
            }
        }
        try {
            return CertificateSources.open(kind, root.dataHome().certStoreDir());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    TenantFlighting flighting() {
        return flightedAccounts.isEmpty() ? TenantFlighting.labDefault() : TenantFlighting.of(flightedAccounts);
    }

    ImelabCommand root() {
        return root;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CertificateSource source = source();
        TenantFlighting flighting = flighting();
        Instant now = Instant.now();
        int shown = 0;
        try {
            for (StoreLocation location : StoreLocation.values()) {
                for (CertificateCandidate c : source.list(location)) {
                    IntuneExtensions ids = IntuneExtensions.decode(c.certificate());
                    if (!all && !ids.accountIdPresent()) {
                        continue;
                    }
                    printCandidate(out, c, ids, flighting, now);
                    shown++;
                }
            }
        } catch (CertificateStoreException e) {
            spec.commandLine().getErr().println("imelab certs: " + e.getMessage());
            return 1;
        }
        out.println(shown + (all ? " certificate(s)" : " MDM certificate(s) (OID " + IntuneOids.ACCOUNT_ID + ")")
                + " in " + source.describe() + ".");
        out.flush();
        return 0;
    }

    static void printCandidate(PrintWriter out, CertificateCandidate c, IntuneExtensions ids, TenantFlighting flighting,
                               Instant now) {
        out.println(c.storeName() + "  " + c.thumbprint());
        out.println("  Subject:     " + c.subjectName());
        out.println("  Expires:     " + UTC.format(c.notAfter()) + (c.isExpired(now) ? " (expired)"
                : now.isBefore(c.notBefore()) ? " (not yet valid)" : ""));
        out.println("  Private key: " + (c.hasPrivateKey() ? "yes" : "no")
                + (c.keyProvider().isEmpty() ? "" : " (" + c.keyProvider() + ")"));
        if (ids.accountIdPresent() || ids.deviceId().isPresent()) {
            out.println("  Device id:   " + ids.deviceId().map(UUID::toString).orElse("-"));
            out.println("  Account id:  " + ids.accountId().map(a -> a + (flighting.isFlighted(a) ? " (flighted"
                    + (a.equals(LabTenant.ACCOUNT_ID) ? ", lab)" : ")") : "")).orElse("-"));
            out.println("  Tenant id:   " + ids.tenantId().map(UUID::toString).orElse("-"));
        }
        for (String p : ids.problems()) {
            out.println("  Problem:     " + p);
        }
    }
}
