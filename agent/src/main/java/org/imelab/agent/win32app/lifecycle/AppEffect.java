package org.imelab.agent.win32app.lifecycle;

import java.time.Duration;

/** Work the runner carries out for a transition; the machine itself never does I/O. */
public sealed interface AppEffect {

    /** Run the detection rules. */
    record Detect() implements AppEffect {}

    /** Evaluate requirement rules and applicability. */
    record EvaluateApplicability() implements AppEffect {}

    /** Content phase 1: download the encrypted package. */
    record Download() implements AppEffect {}

    /** Content phase 2: verify the HMAC, decrypt, check the digest. */
    record VerifyAndDecrypt() implements AppEffect {}

    /** Content phase 3: unpack into IMECache, refusing escaping entries. */
    record Unpack() implements AppEffect {}

    /** Run the install or uninstall command line. */
    record Execute(boolean uninstall) implements AppEffect {}

    /** Persist a retry due time (survives a restart) and end the pass for this app. */
    record ScheduleRetry(int attempt, Duration after) implements AppEffect {}

    /** Record the time the app entered the GRS for its subgraph. */
    record EnterGrs() implements AppEffect {}

    /** Write ComplianceStateMessage / EnforcementStateMessage for this result. */
    record RecordResult(AppResult result) implements AppEffect {}

    /** Send the result to the gateway (Win32AppResult). */
    record Report() implements AppEffect {}

    /** Remove staged content from IMECache (kept while waiting for a deadline or a retry). */
    record CleanupContent() implements AppEffect {}
}
