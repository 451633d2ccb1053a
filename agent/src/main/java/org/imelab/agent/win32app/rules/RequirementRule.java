package org.imelab.agent.win32app.rules;

/** One element of {@code ExtendedRequirementRules} (C §3.5): a file, registry or script condition. */
public sealed interface RequirementRule permits FileRule, RegistryRule, ScriptRequirementRule {
}
