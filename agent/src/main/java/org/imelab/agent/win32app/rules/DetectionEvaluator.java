package org.imelab.agent.win32app.rules;

import java.util.ArrayList;
import java.util.List;
import org.imelab.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an app's detection rules in policy order, each through the detection manager the real
 * agent names in its log, and combines them: all must detect the app.
 */
public final class DetectionEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    private final ConditionChecks checks;

    public DetectionEvaluator(Registry registry, WindowsPaths paths, MsiProducts msiProducts, ScriptHost scripts,
                              DeviceFacts facts) {
        this.checks = new ConditionChecks(registry, paths, msiProducts, scripts, facts);
    }

    public DetectionResult detect(List<? extends DetectionRule> rules) {
        if (rules.isEmpty()) {
            return new DetectionResult(DetectionResult.State.ERROR,
                    List.of(RuleOutcome.error("The app has no detection rules")));
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        boolean error = false;
        for (DetectionRule rule : rules) {
            RuleOutcome o = evaluate(rule);
            outcomes.add(o);
            LOG.info("[Win32App] Completed detectionManager {}, applicationDetectedByCurrentRule: {}",
                    rule.managerName(), o.isMet() ? "True" : "False");
            if (o.verdict() == RuleOutcome.Verdict.ERROR) {
                LOG.warn("[Win32App] {} could not evaluate its rule: {}", rule.managerName(), o.detail());
                error = true;
            } else if (o.verdict() == RuleOutcome.Verdict.NOT_MET) {
                return new DetectionResult(DetectionResult.State.NOT_DETECTED, outcomes);
            }
        }
        return new DetectionResult(error ? DetectionResult.State.ERROR : DetectionResult.State.DETECTED, outcomes);
    }

    public RuleOutcome evaluate(DetectionRule rule) {
        return switch (rule) {
            case RegistryRule r -> checks.registry(r);
            case MsiRule r -> checks.msi(r);
            case FileRule r -> checks.file(r);
            case ScriptRule r -> checks.script(r);
        };
    }
}
