package org.imelab.agent.cli.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.imelab.agent.cli.ExitCodes;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.agent.win32app.engine.AppCatalog;
import org.imelab.agent.win32app.schedule.GrsRule;
import org.imelab.agent.win32app.state.ErrorCodes;
import org.imelab.registry.Registry;
import org.imelab.registry.ime.ComplianceState;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.EnforcementStateMessage;
import org.imelab.registry.ime.GrsEntry;
import org.imelab.registry.ime.ImeLayout;
import org.imelab.registry.ime.ImeRegistry;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.Intent;
import org.imelab.registry.ime.LabUsersKey;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.Win32AppRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imelab apps}: every app key of every scope, decoded, like Get-Win32AppResults but from the live registry. */
@Command(name = "apps", description = {"Show the Win32 apps the agent has state for: one row per app and scope.",
    "Subcommands: reset ID (the Ripley manoeuvre), install ID (request an available app)."},
        subcommands = {AppsResetCommand.class, AppsInstallCommand.class})
public final class AppsCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON array instead of text.")
    boolean json;

    ImelabCommand root() {
        return parent;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Registry registry = parent.openRegistry()) {
            List<Map<String, Object>> rows = rows(new ImeRegistry(registry, ImeLayout.at(parent.imeRoot())),
                    Instant.now());
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } else if (rows.isEmpty()) {
                out.println("No Win32 app state recorded yet.");
            } else {
                for (Map<String, Object> r : rows) {
                    out.println(r.get("AppId") + "_" + r.get("Version") + "  " + r.get("Name") + "  ["
                            + ("device".equals(r.get("Scope")) ? "device" : "user " + r.get("Scope")
                            + (r.get("Account") == null ? "" : " (" + r.get("Account") + ")")) + "]");
                    r.forEach((k, v) -> {
                        if (!k.equals("AppId") && !k.equals("Version") && !k.equals("Name") && !k.equals("Scope")
                                && !k.equals("Account")) {
                            out.printf("    %-22s %s%n", k, v == null ? "" : v);
                        }
                    });
                }
            }
        }
        return ExitCodes.OK;
    }

    /** The decoded rows, in scope then app order. */
    public static List<Map<String, Object>> rows(ImeRegistry ime, Instant now) {
        AppCatalog catalog = new AppCatalog(ime.registry(), ime.layout());
        List<LabUsersKey.SignedIn> accounts = new LabUsersKey(ime.registry(), ime.layout()).all();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Scope scope : ime.win32Apps().scopes()) {
            for (Win32AppRecord r : ime.win32Apps().readAll(scope)) {
                Optional<AppCatalog.Entry> info = catalog.read(scope, r.app());
                Optional<ComplianceStateMessage> c = r.compliance();
                Optional<EnforcementStateMessage> e = r.enforcement();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("AppId", r.app().appId());
                m.put("Version", r.app().version());
                m.put("Name", info.map(AppCatalog.Entry::name).orElse("(unknown)"));
                m.put("Scope", scope.isDevice() ? "device" : scope.id());
                // the account signed in as the scope's user, if one still is
                m.put("Account", accounts.stream().filter(a -> a.userObjectId().equals(scope.id()))
                        .map(LabUsersKey.SignedIn::account).findFirst().orElse(null));
                m.put("Intent", info.flatMap(i -> Intent.ofCode(i.intent())).map(Enum::name).orElse(null));
                m.put("Detection", c.map(x -> x.complianceState() == ComplianceState.Installed ? "Detected"
                        : "NotDetected").orElse(null));
                m.put("Applicability", c.map(x -> name(x.applicability())).orElse(null));
                m.put("Compliance", c.map(x -> name(x.complianceState())).orElse(null));
                m.put("DesiredState", c.map(x -> name(x.desiredState())).orElse(null));
                m.put("Enforcement", e.map(x -> name(x.enforcementState())).orElse(null));
                Integer code = e.map(EnforcementStateMessage::errorCode).orElse(c.map(ComplianceStateMessage::errorCode)
                        .orElse(null));
                m.put("ErrorCode", code);
                m.put("ErrorCodeHex", code == null ? null : ErrorCodes.hex(code));
                Optional<GrsEntry> grs = ime.grs().find(scope, r.app().appId());
                m.put("GrsTime", grs.map(g -> ImeTime.format(g.enteredUtc())).orElse(null));
                m.put("GrsExpiry", grs.map(g -> ImeTime.format(GrsRule.expiry(g.enteredUtc()))
                        + (GrsRule.expiry(g.enteredUtc()).isAfter(now) ? "" : " (expired)")).orElse(null));
                Duration interval = Duration.ofMinutes(info.map(AppCatalog.Entry::reevaluationMinutes).orElse(480));
                m.put("NextReevaluation", ime.reporting().lastHashValue(scope, r.app().appId())
                        .flatMap(h -> ime.reevaluation().lastReevaluation(scope, h))
                        .map(t -> ImeTime.format(t.plus(interval))).orElse(null));
                m.put("LastUpdatedTimeUtc", r.lastUpdatedTimeUtc().map(ImeTime::format).orElse(null));
                out.add(m);
            }
        }
        return out;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name() + " (" + ((org.imelab.registry.ime.ImeCode) e).code() + ")";
    }
}
