package org.imelab.agent.win32app.engine;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imelab.agent.session.UserSession;
import org.imelab.agent.win32app.content.ContentLocation;
import org.imelab.agent.win32app.content.ContentStager;
import org.imelab.agent.win32app.exec.InstallerOutcome;
import org.imelab.agent.win32app.exec.InstallerRunner.InstallerCommand;
import org.imelab.agent.win32app.exec.ReturnCodes;
import org.imelab.agent.win32app.graph.AppRef;
import org.imelab.agent.win32app.lifecycle.AppEffect;
import org.imelab.agent.win32app.lifecycle.AppEvent;
import org.imelab.agent.win32app.lifecycle.AppFacts;
import org.imelab.agent.win32app.lifecycle.AppResult;
import org.imelab.agent.win32app.lifecycle.AppState;
import org.imelab.agent.win32app.lifecycle.Transition;
import org.imelab.agent.win32app.lifecycle.Win32AppLifecycle;
import org.imelab.agent.win32app.rules.ApplicabilityResult;
import org.imelab.agent.win32app.rules.DetectionResult;
import org.imelab.agent.win32app.rules.PolicyRules;
import org.imelab.agent.win32app.state.AppStateTable;
import org.imelab.agent.win32app.state.ErrorCodes;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.ReturnCodeType;
import org.imelab.gateway.protocol.win32.RunAs;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Applicability;
import org.imelab.registry.ime.ComplianceStateMessage;
import org.imelab.registry.ime.EnforcementStateMessage;
import org.imelab.registry.ime.ImeTime;
import org.imelab.registry.ime.InstallContext;
import org.imelab.registry.ime.RetryState;
import org.imelab.registry.ime.Scope;
import org.imelab.registry.ime.TargetType;
import org.imelab.registry.ime.TargetingMethod;
import org.imelab.registry.ime.Win32AppKey;
import org.imelab.registry.ime.Win32AppRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The effect runner of one app in one pass: feeds {@link Win32AppLifecycle} the events it
 * observes and carries out the effects the machine asks for (detection, requirements, the content
 * phases, the installer, the state write, the report), logging each step with the agent's words.
 */
final class AppPass {
    private static final Logger LOG = LoggerFactory.getLogger("ime.AppWorkload");

    /** How the pass ended, for the subgraph: its final state and whether it wants the GRS. */
    record Outcome(AppRef app, AppState state, Optional<AppResult> result, boolean enteredGrs,
            Optional<Instant> nextRetry, boolean stateChanged, Optional<Integer> errorCode) {
    }

    private final Win32AppServices s;
    private final Win32AppPolicy policy;
    private final AppRef app;
    private final Win32AppKey key;
    private final Scope scope;
    private final boolean dependencyOnly;
    private final Optional<Win32AppRecord> recorded;
    private final boolean hadRetryState;
    private final Optional<AppFaults.Fault> fault;
    private AppFacts facts;
    /** The user a user-context installer runs as: the scope's logged-on user; null in the device's scope. */
    private final UserSession user;

    private Applicability applicability = Applicability.Applicable;
    private Integer errorCode;
    private boolean executed;
    private boolean timedOut;
    private boolean enteredGrs;
    private boolean stateChanged;
    private Instant nextRetry;
    private AppResult result;
    private ContentLocation location;
    private AppStateTable.Row lastRow;

    AppPass(Win32AppServices s, Win32AppPolicy policy, AppRef app, Scope scope, boolean dependencyOnly,
            Optional<Win32AppRecord> recorded, boolean hadRetryState, AppFacts facts, Optional<Integer> relativeError,
            UserSession user) {
        this.s = s;
        this.policy = policy;
        this.app = app;
        this.key = app.key();
        this.scope = scope;
        this.dependencyOnly = dependencyOnly;
        this.recorded = recorded;
        this.hadRetryState = hadRetryState;
        this.facts = facts;
        this.fault = s.faults().forPolicy(policy);
        this.user = user;
        // a successor blocked by its superseded app carries that app's error; 1009 is known before detection
        this.errorCode = relativeError.orElse(null);
        if (facts.role() == AppFacts.Role.SUCCESSORS_NOT_APPLICABLE) {
            this.applicability = Applicability.NotTargetedAndSupersedingAppsNotApplicable;
        }
    }

    Outcome run(AppState start, AppEvent first) {
        AppState state = start;
        AppEvent event = first;
        while (true) {
            Transition t = Win32AppLifecycle.next(state, event, facts);
            LOG.debug("[Win32App][AppLifecycle] App with id: {} ({}): {} --{}--> {}", app.appId(), facts.role(), state,
                    event.getClass().getSimpleName(), t.to());
            state = t.to();
            AppEvent next = null;
            for (AppEffect effect : t.effects()) {
                AppEvent produced = perform(effect);
                if (produced != null) {
                    next = produced;
                }
            }
            if (state.endsPass()) {
                return new Outcome(app, state, Optional.ofNullable(result), enteredGrs, Optional.ofNullable(nextRetry),
                        stateChanged, Optional.ofNullable(lastRow).flatMap(AppStateTable.Row::enforcement)
                                .map(EnforcementStateMessage::errorCode).or(() -> Optional.ofNullable(errorCode)));
            }
            if (next == null) {
                throw new IllegalStateException("No event after " + t + " for app " + app);
            }
            event = next;
        }
    }

    private AppEvent perform(AppEffect effect) {
        return switch (effect) {
            case AppEffect.Detect d -> detect();
            case AppEffect.EvaluateApplicability a -> applicability();
            case AppEffect.Download d -> download();
            case AppEffect.VerifyAndDecrypt v -> verify();
            case AppEffect.Unpack u -> unpack();
            case AppEffect.Execute e -> execute(e.uninstall());
            case AppEffect.ScheduleRetry r -> scheduleRetry(r.attempt(), r.after());
            case AppEffect.EnterGrs g -> {
                enteredGrs = true;
                yield null;
            }
            case AppEffect.RecordResult r -> record(r.result());
            case AppEffect.Report r -> {
                // an unchanged state was reported before; the service's copy is still right
                if (stateChanged) {
                    s.reporting().queue(app, scope, lastRow, lastRow.enforcement(), s.clock().instant());
                }
                yield null;
            }
            case AppEffect.CleanupContent c -> {
                if (timedOut) {
                    LOG.info("[Win32App] installer is running timeout, skip staged content clean up.");
                } else {
                    s.content().cleanup(app);
                }
                yield null;
            }
        };
    }

    private AppEvent detect() {
        boolean after = executed;
        if (after) {
            LOG.info("[Win32App] ===Step=== Detection rules after Execution");
        }
        boolean present;
        String actionStatus = "Success";
        Optional<Boolean> forced = fault.flatMap(AppFaults.Fault::detection);
        if (forced.isPresent()) {
            present = forced.get();
            LOG.info("[Win32App] Lab fault: detection of app {} forced to {}", app.appId(),
                    present ? "Detected" : "NotDetected");
        } else {
            DetectionResult r;
            try {
                r = s.detection().detect(PolicyRules.detectionRules(policy));
            } catch (IllegalArgumentException e) {
                r = new DetectionResult(DetectionResult.State.ERROR, List.of());
                LOG.warn("[Win32App] Detection rules of app {} cannot be used: {}", app.appId(), e.getMessage());
            }
            present = r.detected();
            if (r.state() == DetectionResult.State.ERROR) {
                actionStatus = "Failed";
            }
        }
        String word = present ? "Detected" : "NotDetected";
        LOG.info("[Win32App][DetectionActionHandler] Detection for policy with id: {} resulted in action status: {} "
                + "and detection state: {}.", app.appId(), actionStatus, word);
        LOG.info("Detection = {}", word);
        return new AppEvent.Detected(present);
    }

    private AppEvent applicability() {
        ApplicabilityResult r;
        try {
            r = s.requirements().evaluate(PolicyRules.requirementRules(policy),
                    PolicyRules.extendedRequirementRules(policy));
        } catch (IllegalArgumentException e) {
            LOG.warn("[Win32App] Requirement rules of app {} cannot be used: {}", app.appId(), e.getMessage());
            applicability = Applicability.RequirementsNotMet;
            logApplicability(false);
            return new AppEvent.ApplicabilityEvaluated(applicability.code());
        }
        applicability = r.applicability();
        logApplicability(r.applicable());
        return new AppEvent.ApplicabilityEvaluated(applicability.code());
    }

    private void logApplicability(boolean applicable) {
        LOG.info("[Win32App][ApplicabilityActionHandler] Applicability check for policy with id: {} resulted in "
                + "action status: Success and applicability state: {}", app.appId(),
                applicable ? "Applicable" : "NotApplicable");
        LOG.info("Applicability =  {}", applicable ? "Applicable" : applicability.name());
    }

    private AppEvent download() {
        LOG.info("[Win32App] ===Step=== Download");
        if (user != null) {
            LOG.info("[Win32App] Downloading app on session {}. App: {}", user.sessionId(), app.appId());
        }
        ContentStager.Downloaded d = s.content().download(policy, app, scope);
        location = d.location();
        errorCode = d.step().ok() ? null : d.step().errorCode();
        return new AppEvent.Downloaded(d.step().ok(), d.step().errorCode());
    }

    private AppEvent verify() {
        ContentStager.Step step = s.content().verifyAndDecrypt(app, location);
        errorCode = step.ok() ? null : step.errorCode();
        return new AppEvent.Verified(step.ok(), step.errorCode());
    }

    private AppEvent unpack() {
        ContentStager.Step step = s.content().unpack(app, policy.setUpFilePath());
        errorCode = step.ok() ? null : step.errorCode();
        return new AppEvent.Unpacked(step.ok(), step.errorCode());
    }

    private AppEvent execute(boolean uninstall) {
        InstallEx ex = policy.installEx() == null
                ? new InstallEx(null, null, null, null, null, null, null) : policy.installEx();
        String commandLine = uninstall ? policy.uninstallCommandLine() : policy.installCommandLine();
        LOG.info("[Win32App][ExecutionActionHandler] Handler invoked with execution type: {} for policy with id: {}",
                uninstall ? "Uninstall" : "Install", app.appId());
        LOG.info("[Win32App] ===Step=== ExecuteWithRetry");
        LOG.info("[Win32App] ===Step=== Execute retry {}", facts.retriesDone());
        LOG.info("[Win32App] ===Step=== InstallBehavior RegularWin32App, Intent {}, UninstallCommandLine {}",
                policy.intent(), policy.uninstallCommandLine());
        if (installContext() == InstallContext.User && user == null) {
            // Only a dependency reaches here in a userless scope; the launcher logs the user's case itself.
            LOG.info("[Win32App] RunAs User without a user in this scope: the installer runs in the agent's context.");
        }
        executed = true;
        if (commandLine == null || commandLine.isBlank()) {
            LOG.error("[Win32App] Failed to create installer process. Error code = {}", ErrorCodes.LAUNCH_FAILED);
            errorCode = ErrorCodes.LAUNCH_FAILED;
            return new AppEvent.LaunchFailed(ErrorCodes.LAUNCH_FAILED);
        }
        InstallerOutcome outcome;
        try {
            outcome = s.installer().run(new InstallerCommand(commandLine, s.content().cacheDir(app),
                    s.settings().runTimeMinute().multipliedBy(ex.maxRunTimeMinutesOrDefault()),
                    s.settings().installerEnvironment(), null,
                    installContext() == InstallContext.User ? user : null));
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("[Win32App] Failed to create installer process. Error code = {} ({})", ErrorCodes.LAUNCH_FAILED,
                    e.getMessage());
            errorCode = ErrorCodes.LAUNCH_FAILED;
            return new AppEvent.LaunchFailed(ErrorCodes.LAUNCH_FAILED);
        }
        if (outcome.timedOut()) {
            timedOut = true;
            errorCode = ErrorCodes.INSTALLER_TIMEOUT;
            LOG.error("[Win32App] The installer of app {} ran past {} minute(s) and was stopped with its process "
                    + "tree.", app.appId(), ex.maxRunTimeMinutesOrDefault());
            return new AppEvent.TimedOut();
        }
        int exit = outcome.exitCode();
        Optional<Integer> forced = fault.flatMap(AppFaults.Fault::exitCode);
        if (forced.isPresent()) {
            LOG.info("[Win32App] Lab fault: exit code of app {} forced from {} to {}", app.appId(), exit, forced.get());
            exit = forced.get();
            LOG.info("[Win32App] lpExitCode {}", exit);
        }
        ReturnCodeType kind = ReturnCodes.classify(exit, policy.returnCodesOrDefault());
        LOG.info("[Win32App] lpExitCode is defined as {}", kind.logName());
        LOG.info("[Win32App] Post processed result for ({},{}) is {}", app.appId(), policy.name(), kind.logName());
        if (uninstall && (kind == ReturnCodeType.SOFT_REBOOT || kind == ReturnCodeType.HARD_REBOOT)) {
            // the state says the restart is pending; the pass after the device's next boot completes it
            LOG.info("[Win32App] Uninstall of app with id: {} completes at the next device restart ({}).", app.appId(),
                    kind.logName());
        }
        errorCode = exit;
        facts = facts.withLastExit(kind);
        return new AppEvent.Executed(kind, exit);
    }

    private AppEvent scheduleRetry(int attempt, Duration after) {
        nextRetry = s.clock().instant().plus(after);
        s.ime().retries().write(scope, key, new RetryState(attempt, nextRetry));
        // in the registry's UTC time format, as the GRS and re-evaluation lines give theirs
        LOG.info("[Win32App] Retry {} of {} for app {} is due at {} UTC", attempt, facts.maxRetries(), app.appId(),
                ImeTime.format(nextRetry));
        return null;
    }

    private AppEvent record(AppResult r) {
        result = r;
        LOG.info("[Win32App] ===Step=== Set ComplianceStateMessage with applicationDetectedAfterExecution");
        AppStateTable.Context ctx = new AppStateTable.Context(facts.uninstalling(), executed, applicability,
                errorCode, dependencyOnly ? TargetingMethod.DependencyOfEgatTargetedApplication
                        : TargetingMethod.EgatTargetedApplication,
                installContext(), targetType(), policy.assignmentFilterIds());
        AppStateTable.Row row = AppStateTable.of(r, ctx);
        AppStateTable.Row previous = lastRow; // set when a finished pass is amended (see Win32AppLifecycle)
        lastRow = row;
        Optional<ComplianceStateMessage> oldC = previous != null ? Optional.of(previous.compliance())
                : recorded.flatMap(Win32AppRecord::compliance);
        Optional<EnforcementStateMessage> oldE = previous != null && previous.enforcement().isPresent()
                ? previous.enforcement() : recorded.flatMap(Win32AppRecord::enforcement);
        boolean complianceChanged = !oldC.equals(Optional.of(row.compliance()));
        boolean enforcementChanged = row.enforcement().isPresent() && !oldE.equals(row.enforcement());
        s.reporting().logDeltas(app, oldC, oldE, row);
        Instant now = s.clock().instant();
        if (complianceChanged || enforcementChanged) {
            LOG.info("[Win32App] ===Step=== Set EnforcementStateMessage");
            if (row.enforcement().isPresent()) {
                s.ime().win32Apps().write(scope, key, row.compliance(), row.enforcement().get(), now);
            } else {
                s.ime().win32Apps().writeCompliance(scope, key, row.compliance(), now);
            }
            stateChanged = true;
        }
        if (r != AppResult.RETRY_PENDING && hadRetryState) {
            s.ime().retries().clear(scope, key);
        }
        return null;
    }

    boolean stateChanged() {
        return stateChanged;
    }

    /** Whether the installer (or uninstaller) ran in this pass. */
    boolean executed() {
        return executed;
    }

    private InstallContext installContext() {
        InstallEx ex = policy.installEx();
        return ex != null && ex.runAsKind().orElse(RunAs.SYSTEM) == RunAs.USER ? InstallContext.User : InstallContext.System;
    }

    private TargetType targetType() {
        if (dependencyOnly) {
            return TargetType.None;
        }
        return policy.targetType() == null ? TargetType.Device : TargetType.ofCode(policy.targetType()).orElse(TargetType.Device);
    }
}
