package org.imelab.agent.win32app.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryView;

/**
 * Evaluates single registry, file, MSI and script conditions against the registry, the file system
 * and the installed products. Shared by detection and requirement rules.
 *
 * <p>Comparisons: strings ignore case (Windows' habit for names and paths; our choice where the
 * agent's is not documented), integers are 64-bit (a REG_DWORD reads unsigned), versions as in
 * {@link VersionText}, dates to the second, file size in whole megabytes (1 MB = 1,048,576 bytes,
 * rounded down).
 */
final class ConditionChecks {
    private static final long MB = 1024L * 1024L;

    private final Registry registry;
    private final WindowsPaths paths;
    private final MsiProducts msiProducts;
    private final ScriptHost scripts;
    private final DeviceFacts facts;

    ConditionChecks(Registry registry, WindowsPaths paths, MsiProducts msiProducts, ScriptHost scripts, DeviceFacts facts) {
        this.registry = registry;
        this.paths = paths;
        this.msiProducts = msiProducts;
        this.scripts = scripts;
        this.facts = facts;
    }

    RuleOutcome registry(RegistryRule r) {
        RegistryView view = r.check32BitOn64System() && facts.is64BitOs() ? RegistryView.VIEW_32 : RegistryView.VIEW_64;
        RegPath key;
        try {
            key = RegPath.parse(r.keyPath(), view);
        } catch (IllegalArgumentException e) {
            return RuleOutcome.error("Bad registry key path '" + r.keyPath() + "': " + e.getMessage());
        }
        boolean keyOnly = r.valueName() == null || r.valueName().isEmpty();
        Optional<RegValue> value = keyOnly ? Optional.empty() : registry.get(key, r.valueName());
        boolean exists = keyOnly ? registry.exists(key) : value.isPresent();
        String what = keyOnly ? key.toString() : key + " value '" + r.valueName() + "'";
        return switch (r.type()) {
            case NOT_CONFIGURED, EXISTS -> RuleOutcome.of(exists, what + (exists ? " exists" : " does not exist"));
            case DOES_NOT_EXIST -> RuleOutcome.of(!exists, what + (exists ? " exists" : " does not exist"));
            case STRING -> value.map(v -> compare(r.operator(), text(v).compareToIgnoreCase(nullToEmpty(r.value())),
                    what + " = '" + text(v) + "'", r.value())).orElseGet(() -> RuleOutcome.notMet(what + " does not exist"));
            case INTEGER -> value.map(v -> compareIntegers(r.operator(), integer(v), RuleValues.integer(r.value()), what))
                    .orElseGet(() -> RuleOutcome.notMet(what + " does not exist"));
            case VERSION -> value.map(v -> compareVersions(r.operator(), text(v), r.value(), what))
                    .orElseGet(() -> RuleOutcome.notMet(what + " does not exist"));
        };
    }

    RuleOutcome file(FileRule r) {
        String windowsPath = r.fileOrFolderName().isEmpty() ? r.path()
                : r.path().replaceAll("[\\\\/]+$", "") + "\\" + r.fileOrFolderName();
        Path p;
        try {
            p = paths.resolve(windowsPath, r.check32BitOn64System());
        } catch (IllegalArgumentException e) {
            return RuleOutcome.error(e.getMessage());
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            a = null;
        }
        boolean exists = a != null;
        String what = windowsPath + (p.toString().equals(windowsPath) ? "" : " (" + p + ")");
        if (!exists) {
            return r.type() == FileDetectionType.DOES_NOT_EXIST ? RuleOutcome.met(what + " does not exist")
                    : RuleOutcome.notMet(what + " does not exist");
        }
        return switch (r.type()) {
            case NOT_CONFIGURED, EXISTS -> RuleOutcome.met(what + " exists");
            case DOES_NOT_EXIST -> RuleOutcome.notMet(what + " exists");
            case MODIFIED_DATE -> compareDates(r, a.lastModifiedTime().toInstant(), what + " modified");
            case CREATED_DATE -> compareDates(r, a.creationTime().toInstant(), what + " created");
            case VERSION -> a.isRegularFile()
                    ? PeFileVersion.read(p).map(v -> compareVersions(r.operator(), v, r.value(), what))
                            .orElseGet(() -> RuleOutcome.notMet(what + " has no file version (not a PE file with a version resource)"))
                    : RuleOutcome.notMet(what + " is a folder: no version");
            case SIZE_IN_MB -> a.isRegularFile()
                    ? compareIntegers(r.operator(), OptionalLong.of(a.size() / MB), RuleValues.integer(r.value()),
                            what + " size in MB")
                    : RuleOutcome.notMet(what + " is a folder: no size");
        };
    }

    RuleOutcome msi(MsiRule r) {
        Optional<String> installed = msiProducts.installedVersion(r.productCode());
        if (installed.isEmpty()) {
            return RuleOutcome.notMet("Product " + r.productCode() + " is not installed");
        }
        if (r.productVersion() == null || r.productVersion().isBlank()) {
            return RuleOutcome.met("Product " + r.productCode() + " is installed");
        }
        Operator op = r.versionOperator() == Operator.NOT_CONFIGURED ? Operator.EQUAL : r.versionOperator();
        return compareVersions(op, installed.get(), r.productVersion(), "Product " + r.productCode() + " version");
    }

    RuleOutcome script(ScriptRule r) {
        return switch (scripts.run(r)) {
            case ScriptResult.Completed c -> RuleOutcome.of(c.detected(), "exit code " + c.exitCode()
                    + (c.stdout().isBlank() ? ", nothing on stdout" : ", stdout '" + c.stdout().strip() + "'"));
            case ScriptResult.TimedOut t -> RuleOutcome.error("script ran longer than " + t.limit() + " and was killed");
            case ScriptResult.NoInterpreter n -> RuleOutcome.error(n.message());
            case ScriptResult.FailedToStart f -> RuleOutcome.error(f.message());
        };
    }

    ScriptResult runScript(ScriptRule r) {
        return scripts.run(r);
    }

    private RuleOutcome compareDates(FileRule r, Instant actual, String what) {
        Optional<Instant> expected = RuleValues.dateTime(r.value());
        if (expected.isEmpty()) {
            return RuleOutcome.error("'" + r.value() + "' is not a date and time");
        }
        Instant a = actual.truncatedTo(ChronoUnit.SECONDS);
        return compare(r.operator(), a.compareTo(expected.get()), what + " " + a, r.value());
    }

    private static RuleOutcome compareIntegers(Operator op, OptionalLong actual, OptionalLong expected, String what) {
        if (expected.isEmpty()) {
            return RuleOutcome.error("The rule's value is not an integer");
        }
        if (actual.isEmpty()) {
            return RuleOutcome.notMet(what + " is not an integer");
        }
        return compare(op, Long.compare(actual.getAsLong(), expected.getAsLong()), what + " = " + actual.getAsLong(),
                Long.toString(expected.getAsLong()));
    }

    static RuleOutcome compareVersions(Operator op, String actual, String expected, String what) {
        Optional<long[]> e = VersionText.parse(expected);
        if (e.isEmpty()) {
            return RuleOutcome.error("'" + expected + "' is not a version");
        }
        Optional<long[]> a = VersionText.parse(actual);
        if (a.isEmpty()) {
            return RuleOutcome.notMet(what + " '" + actual + "' is not a version");
        }
        return compare(op, VersionText.compare(a.get(), e.get()), what + " = " + actual, expected);
    }

    static RuleOutcome compare(Operator op, int comparison, String actual, String expected) {
        if (op == Operator.NOT_CONFIGURED) {
            return RuleOutcome.error("The rule compares values but has no operator");
        }
        boolean ok = Comparison.test(op, comparison);
        return RuleOutcome.of(ok, actual + (ok ? " is " : " is not ") + Comparison.words(op) + " " + expected);
    }

    private String text(RegValue v) {
        return switch (v) {
            case RegValue.Sz s -> s.value();
            case RegValue.ExpandSz s -> paths.expand(s.value(), false); // .NET reads REG_EXPAND_SZ expanded
            case RegValue.MultiSz m -> String.join("\n", m.values());
            case RegValue.Dword d -> Integer.toUnsignedString(d.value());
            case RegValue.Qword q -> Long.toString(q.value());
            default -> v.display();
        };
    }

    private OptionalLong integer(RegValue v) {
        return switch (v) {
            case RegValue.Dword d -> OptionalLong.of(Integer.toUnsignedLong(d.value()));
            case RegValue.Qword q -> OptionalLong.of(q.value());
            case RegValue.Sz s -> RuleValues.integer(s.value());
            case RegValue.ExpandSz s -> RuleValues.integer(paths.expand(s.value(), false));
            default -> OptionalLong.empty();
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
