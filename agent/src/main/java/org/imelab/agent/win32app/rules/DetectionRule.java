package org.imelab.agent.win32app.rules;

/**
 * One element of an app's {@code DetectionRule} array (C §3.5), by its {@code DetectionType}: 0
 * registry, 1 MSI, 2 file, 3 script. An app is detected when all its rules detect it.
 */
public sealed interface DetectionRule permits RegistryRule, MsiRule, FileRule, ScriptRule {

    /** The policy's DetectionType code. */
    int detectionType();

    /** The real agent's name for the component that evaluates this kind of rule (used in log lines). */
    String managerName();
}
