package org.imelab.gateway.protocol.win32;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The checks a bound policy must pass before the engine may act on it: what is needed to detect,
 * install and report an app, and codes we can interpret. A value the real service might send but
 * whose meaning is unknown (e.g. {@code RequiredOSArchitecture} 32) is not a reason to reject.
 */
public final class Win32AppPolicyValidator {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The problems of a policy, empty when it is acceptable. */
    public List<String> problems(Win32AppPolicy p) {
        List<String> out = new ArrayList<>();
        if (p.id() == null || !GUID.matcher(p.id()).matches()) {
            out.add("Id must be a GUID, found " + quote(p.id()));
        }
        if (p.name() == null) {
            out.add("Name is missing");
        }
        if (p.version() == null || p.version() < 0) {
            out.add("Version must be a number >= 0, found " + p.version());
        }
        if (p.intent() == null || p.intentKind().isEmpty()) {
            out.add("Intent must be 0, 1, 3 or 4, found " + p.intent());
        }
        if (p.targetType() != null && p.targetTypeKind().isEmpty()) {
            out.add("TargetType must be 0..3, found " + p.targetType());
        }
        boolean winGet = p.isWinGetApp();
        boolean scriptInstaller = p.scripts() != null && !p.scripts().isEmpty();
        if (!winGet) {
            if (p.detectionRules() == null || p.detectionRules().isEmpty()) {
                out.add("DetectionRule is empty: the app could never be detected");
            } else {
                for (int i = 0; i < p.detectionRules().size(); i++) {
                    detection("DetectionRule[" + i + "]", p.detectionRules().get(i), out);
                }
            }
            if (blank(p.installCommandLine()) && !scriptInstaller) {
                out.add("InstallCommandLine is empty and there is no installer script");
            }
            if (p.intentKind().filter(i -> i == Intent.UNINSTALL).isPresent()
                    && blank(p.uninstallCommandLine()) && !scriptInstaller) {
                out.add("Intent is uninstall but UninstallCommandLine is empty");
            }
        }
        if (p.returnCodes() != null) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < p.returnCodes().size(); i++) {
                ReturnCode rc = p.returnCodes().get(i);
                if (rc == null) {
                    out.add("ReturnCodes[" + i + "] is null");
                    continue;
                }
                if (rc.kind().isEmpty()) {
                    out.add("ReturnCodes[" + i + "].Type " + rc.type() + " is not 0..4 (Failed, Success, SoftReboot,"
                            + " HardReboot, Retry)");
                }
                if (!seen.add(rc.returnCode())) {
                    out.add("ReturnCodes lists exit code " + rc.returnCode() + " twice");
                }
            }
        }
        if (p.installEx() != null) {
            InstallEx x = p.installEx();
            if (x.runAsKind().isEmpty()) {
                out.add("InstallEx.RunAs must be 1 (System) or 2 (User), found " + x.runAs());
            }
            if (x.restartBehavior().isEmpty()) {
                out.add("InstallEx.DeviceRestartBehavior must be 0..3, found " + x.deviceRestartBehavior());
            }
            if (x.maxRetries() != null && x.maxRetries() < 0) {
                out.add("InstallEx.MaxRetries is negative");
            }
            if (x.retryIntervalInMinutes() != null && x.retryIntervalInMinutes() < 0) {
                out.add("InstallEx.RetryIntervalInMinutes is negative");
            }
            if (x.maxRunTimeInMinutes() != null && x.maxRunTimeInMinutes() <= 0) {
                out.add("InstallEx.MaxRunTimeInMinutes must be positive, found " + x.maxRunTimeInMinutes());
            }
        }
        if (p.extendedRequirementRules() != null) {
            for (int i = 0; i < p.extendedRequirementRules().size(); i++) {
                requirement("ExtendedRequirementRules[" + i + "]", p.extendedRequirementRules().get(i), out);
            }
        }
        if (p.flatDependencies() != null) {
            for (int i = 0; i < p.flatDependencies().size(); i++) {
                FlatDependency d = p.flatDependencies().get(i);
                String at = "FlatDependencies[" + i + "]";
                if (d == null) {
                    out.add(at + " is null");
                    continue;
                }
                if (d.actionKind().isEmpty()) {
                    out.add(at + ".Action " + d.action() + " is not 0, 10, 100 or 110");
                }
                if (d.appId() == null || !GUID.matcher(d.appId()).matches()
                        || d.childId() == null || !GUID.matcher(d.childId()).matches()) {
                    out.add(at + " needs GUIDs in AppId and ChildId");
                } else if (d.appId().equalsIgnoreCase(d.childId())) {
                    out.add(at + " makes the app depend on itself");
                }
            }
        }
        StartDeadlineEx s = p.startDeadlineEx();
        if (s != null && s.start().isPresent() && s.deadlineInstant().isPresent()
                && s.deadlineInstant().get().isBefore(s.start().get())) {
            out.add("StartDeadlineEx.Deadline is before StartTime");
        }
        return out;
    }

    private static void detection(String at, DetectionRule rule, List<String> out) {
        if (rule == null) {
            out.add(at + " is null");
            return;
        }
        switch (rule.detection()) {
            case Detection.File f -> fileRule(at, "DetectionType", f, out);
            case Detection.Registry r -> registryRule(at, "DetectionType", r, out);
            case Detection.Msi m -> {
                if (blank(m.productCode())) {
                    out.add(at + " (MSI) needs ProductCode");
                }
                if (m.operatorKind().isEmpty()) {
                    out.add(at + " (MSI) ProductVersionOperator " + m.productVersionOperator() + " is unknown");
                } else if (m.operatorKind().get() != Operator.NOT_CONFIGURED && blank(m.productVersion())) {
                    out.add(at + " (MSI) compares the version but ProductVersion is empty");
                }
            }
            case Detection.Script s -> base64(at + " (script) ScriptBody", s.scriptBody(), out);
        }
    }

    private static void requirement(String at, ExtendedRequirementRule rule, List<String> out) {
        if (rule == null) {
            out.add(at + " is null");
            return;
        }
        switch (rule.requirement()) {
            case RequirementText.File f -> fileRule(at, "Type", f, out);
            case RequirementText.Registry r -> registryRule(at, "Type", r, out);
            case RequirementText.Script s -> {
                base64(at + " (script) ScriptBody", s.scriptBody(), out);
                if (ScriptOutputType.of(s.type()).isEmpty()) {
                    out.add(at + " (script) Type " + s.type() + " is not an output type 1..6");
                } else {
                    comparison(at + " (script)", s.operator(), s.value(), out);
                }
            }
        }
    }

    /** A file rule, detection or requirement; {@code typeField} is how that text spells its kind. */
    private static void fileRule(String at, String typeField, FileRuleText f, List<String> out) {
        if (blank(f.path()) || blank(f.fileOrFolderName())) {
            out.add(at + " (file) needs Path and FileOrFolderName");
        }
        var kind = f.kind();
        if (kind.isEmpty() || kind.get() == FileDetectionType.NOT_CONFIGURED) {
            out.add(at + " (file) " + typeField + " " + f.typeCode() + " is not 1..6");
        } else if (kind.get() != FileDetectionType.EXISTS && kind.get() != FileDetectionType.DOES_NOT_EXIST) {
            comparison(at + " (file)", f.operator(), f.comparand(), out);
        }
    }

    /** A registry rule, detection or requirement; {@code typeField} is how that text spells its kind. */
    private static void registryRule(String at, String typeField, RegistryRuleText r, List<String> out) {
        if (blank(r.keyPath())) {
            out.add(at + " (registry) needs KeyPath");
        }
        var kind = r.kind();
        if (kind.isEmpty() || kind.get() == RegistryDetectionType.NOT_CONFIGURED) {
            out.add(at + " (registry) " + typeField + " " + r.typeCode() + " is not 1..5");
        } else if (kind.get() != RegistryDetectionType.EXISTS && kind.get() != RegistryDetectionType.DOES_NOT_EXIST) {
            comparison(at + " (registry)", r.operator(), r.comparand(), out);
        }
    }

    private static void comparison(String at, Integer operator, String value, List<String> out) {
        var op = Operator.ofNullable(operator);
        if (op.isEmpty() || op.get() == Operator.NOT_CONFIGURED) {
            out.add(at + " Operator " + operator + " is not 1, 2, 4, 5, 8 or 9");
        }
        if (value == null) {
            out.add(at + " compares but has no value");
        }
    }

    private static void base64(String at, String text, List<String> out) {
        if (blank(text)) {
            out.add(at + " is empty");
            return;
        }
        try {
            Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            out.add(at + " is not Base64");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }

    /** Whether a string is a GUID in the 8-4-4-4-12 form the service uses. */
    public static boolean isGuid(String s) {
        if (s == null || !GUID.matcher(s).matches()) {
            return false;
        }
        UUID.fromString(s);
        return true;
    }
}
