package org.imelab.agent.win32app.rules;

import org.imelab.registry.ime.Applicability;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.imelab.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an app's requirements in the order of their codes: architecture (1000), free disk (1001),
 * minimum OS (1002), memory (1003), logical processors (1004), CPU speed (1005), then the extended
 * rules in policy order: file (1006), registry (1007), script (1008). The first one not met gives
 * the app's {@link Applicability}.
 *
 * <p>A script requirement compares the script's trimmed standard output, read as the rule's output
 * type, with the rule's value. Output that does not read as that type gives 1
 * (RequirementsNotMet), as observed on real devices; a script that fails, exits non-zero or cannot
 * run (no PowerShell) gives 1008.
 */
public final class RequirementEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");
    private static final long MB = 1024L * 1024L;

    private final DeviceFacts facts;
    private final ConditionChecks checks;

    public RequirementEvaluator(DeviceFacts facts, Registry registry, WindowsPaths paths, MsiProducts msiProducts,
                                ScriptHost scripts) {
        this.facts = facts;
        this.checks = new ConditionChecks(registry, paths, msiProducts, scripts, facts);
    }

    public ApplicabilityResult evaluate(RequirementRules rules, List<? extends RequirementRule> extended) {
        ApplicabilityResult r = evaluateAll(rules, extended);
        LOG.info("result of requirementMet: {}", r.applicable() ? "True" : "False");
        if (!r.applicable()) {
            LOG.info("[Win32App] Requirement not met: {} = {} ({})", r.applicability().name(),
                    r.applicability().code(), r.detail());
        }
        return r;
    }

    private ApplicabilityResult evaluateAll(RequirementRules rules, List<? extends RequirementRule> extended) {
        RequirementRules req = rules == null ? RequirementRules.NONE : rules;
        OsArchitecture arch = facts.osArchitecture();
        if (!arch.allows(req.requiredOsArchitecture())) {
            return fail(Applicability.ProcessorArchitectureNotApplicable,
                    "device is " + arch + ", RequiredOSArchitecture is " + req.requiredOsArchitecture());
        }
        if (req.minimumFreeDiskSpaceInMb() != null && facts.freeSystemDiskBytes() / MB < req.minimumFreeDiskSpaceInMb()) {
            return fail(Applicability.MinimumDiskSpaceNotMet, facts.freeSystemDiskBytes() / MB + " MB free, "
                    + req.minimumFreeDiskSpaceInMb() + " MB required");
        }
        String minimumOs = req.minimumWindows10BuildNumber();
        if (minimumOs != null && !minimumOs.isBlank()) {
            Optional<String> os = facts.osVersion();
            Optional<long[]> required = VersionText.parse(minimumOs);
            Optional<long[]> actual = os.flatMap(VersionText::parse);
            if (required.isEmpty()) {
                return fail(Applicability.MinimumOSVersionNotMet, "'" + minimumOs + "' is not a Windows version");
            }
            if (actual.isEmpty() || VersionText.compare(actual.get(), required.get()) < 0) {
                return fail(Applicability.MinimumOSVersionNotMet, "OS version " + os.orElse("unknown")
                        + ", " + minimumOs + " required");
            }
        }
        if (req.minimumMemoryInMb() != null && facts.physicalMemoryBytes() / MB < req.minimumMemoryInMb()) {
            return fail(Applicability.MinimumPhysicalMemoryNotMet, facts.physicalMemoryBytes() / MB + " MB of memory, "
                    + req.minimumMemoryInMb() + " MB required");
        }
        if (req.minimumNumberOfProcessors() != null && facts.logicalProcessorCount() < req.minimumNumberOfProcessors()) {
            return fail(Applicability.MinimumLogicalProcessorCountNotMet, facts.logicalProcessorCount()
                    + " logical processors, " + req.minimumNumberOfProcessors() + " required");
        }
        if (req.minimumCpuSpeedMhz() != null) {
            OptionalLong mhz = facts.cpuSpeedMhz();
            if (mhz.isEmpty() || mhz.getAsLong() < req.minimumCpuSpeedMhz()) {
                return fail(Applicability.MinimumCPUSpeedNotMet, "CPU speed "
                        + (mhz.isPresent() ? mhz.getAsLong() + " MHz" : "unknown") + ", " + req.minimumCpuSpeedMhz()
                        + " MHz required");
            }
        }
        for (RequirementRule rule : extended) {
            ApplicabilityResult r = switch (rule) {
                case FileRule f -> extended(checks.file(f), Applicability.FileSystemRequirementRuleNotMet);
                case RegistryRule g -> extended(checks.registry(g), Applicability.RegistryRequirementRuleNotMet);
                case ScriptRequirementRule s -> script(s);
            };
            if (!r.applicable()) {
                return r;
            }
        }
        return new ApplicabilityResult(Applicability.Applicable, "all requirements met");
    }

    private static ApplicabilityResult extended(RuleOutcome o, Applicability failure) {
        return o.isMet() ? new ApplicabilityResult(Applicability.Applicable, o.detail()) : fail(failure, o.detail());
    }

    private ApplicabilityResult script(ScriptRequirementRule rule) {
        Applicability notMet = Applicability.ScriptRequirementRuleNotMet;
        ScriptResult result = checks.runScript(rule.script());
        if (!(result instanceof ScriptResult.Completed c)) {
            return fail(notMet, switch (result) {
                case ScriptResult.TimedOut t -> "script ran longer than " + t.limit() + " and was killed";
                case ScriptResult.NoInterpreter n -> n.message();
                case ScriptResult.FailedToStart f -> f.message();
                case ScriptResult.Completed done -> "completed";
            });
        }
        if (c.exitCode() != 0) {
            return fail(notMet, "script exited with " + c.exitCode());
        }
        String out = c.stdout().strip();
        String expected = rule.value();
        Optional<Integer> cmp = switch (rule.outputType()) {
            case STRING -> Optional.of(out.compareToIgnoreCase(expected == null ? "" : expected));
            case INTEGER -> both(RuleValues.integer(out), RuleValues.integer(expected));
            case FLOATING_POINT -> bothDouble(RuleValues.decimal(out), RuleValues.decimal(expected));
            case VERSION -> VersionText.parse(out).flatMap(a -> VersionText.parse(expected).map(b -> VersionText.compare(a, b)));
            case DATE_TIME -> RuleValues.dateTime(out).flatMap(a -> RuleValues.dateTime(expected).map(a::compareTo));
            case BOOLEAN -> RuleValues.bool(out).flatMap(a -> RuleValues.bool(expected).map(b -> Boolean.compare(a, b)));
        };
        if (cmp.isEmpty()) {
            return fail(Applicability.RequirementsNotMet, "script output '" + out + "' does not read as "
                    + rule.outputType().name().toLowerCase(Locale.ROOT) + " (or the rule's value '" + expected + "' does not)");
        }
        RuleOutcome o = ConditionChecks.compare(rule.operator(), cmp.get(), "script output '" + out + "'", expected);
        return o.isMet() ? new ApplicabilityResult(Applicability.Applicable, o.detail()) : fail(notMet, o.detail());
    }

    private static Optional<Integer> both(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() ? Optional.of(Long.compare(a.getAsLong(), b.getAsLong())) : Optional.empty();
    }

    private static Optional<Integer> bothDouble(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() ? Optional.of(Double.compare(a.getAsDouble(), b.getAsDouble())) : Optional.empty();
    }

    private static ApplicabilityResult fail(Applicability a, String detail) {
        return new ApplicabilityResult(a, detail);
    }
}
