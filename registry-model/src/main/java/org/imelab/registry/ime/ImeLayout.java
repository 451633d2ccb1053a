package org.imelab.registry.ime;

import java.util.Objects;
import org.imelab.registry.RegPath;

/**
 * Where the IME keeps its state, and the one place that spells its key and value names
 * (ime-behaviour.md Part A and C §1). Everything else in imelab asks this class, or the stores of
 * this package built on it, for a path.
 *
 * @param root      the IME's key, {@code HKLM\SOFTWARE\Microsoft\IntuneManagementExtension} on a device
 * @param agentRoot the agent's key holding {@code Logging}, {@code HKLM\SOFTWARE\Microsoft\IntuneWindowsAgent}
 * @param labRoot   imelab's own key, for state the real agent keeps in places no public source
 *                  shows (retry counters, reevaluation times): never under the IME's key, so no
 *                  admin script meets a name the real agent does not write
 */
public record ImeLayout(RegPath root, RegPath agentRoot, RegPath labRoot) {

    // Key names.
    public static final String WIN32_APPS = "Win32Apps";
    public static final String COMPLIANCE_STATE_MESSAGE = "ComplianceStateMessage";
    public static final String ENFORCEMENT_STATE_MESSAGE = "EnforcementStateMessage";
    public static final String GRS = "GRS";
    public static final String REPORTING = "Reporting";
    public static final String REPORT_CACHE = "ReportCache";
    public static final String OPERATIONAL_STATE = "OperationalState";
    public static final String WIN32_APP_SETTINGS = "Win32AppSettings";
    public static final String POLICIES = "Policies";
    public static final String SIDECAR_POLICIES = "SideCarPolicies";
    public static final String SCRIPTS = "Scripts";
    public static final String EXECUTION = "Execution";
    public static final String REPORTS = "Reports";
    public static final String RESULT = "Result";
    public static final String STATUS_SERVICE_REPORTS = "StatusServiceReports";
    public static final String INVENTORY_SETTING = "InventorySetting";
    public static final String INVENTORIES = "Inventories";
    public static final String SETTINGS = "Settings";
    public static final String LOGGING = "Logging";
    public static final String INTUNE_MANAGEMENT_EXTENSION = "IntuneManagementExtension";
    public static final String INTUNE_WINDOWS_AGENT = "IntuneWindowsAgent";
    public static final String REEVALUATION = "Reevaluation";

    // Value names.
    public static final String LAST_UPDATED_TIME_UTC = "LastUpdatedTimeUtc";
    public static final String LAST_HASH_VALUE = "LastHashValue";
    public static final String LAST_FULL_RESULT_REPORT_TIME_UTC = "LastFullResultReportTimeUTC";
    public static final String RESULT_DETAILS = "ResultDetails";
    public static final String ERROR_CODE = "ErrorCode";
    public static final String DOWNLOAD_COUNT = "DownloadCount";
    public static final String LAST_EXECUTION = "LastExecution";
    public static final String LAST_FULL_REPORT_TIME_UTC = "LastFullReportTimeUTC";
    public static final String STATUS = "Status";
    public static final String APP_ID = "AppID";
    public static final String FIRST_TIME_SWITCH = "FirstTimeSwitch";
    public static final String LAST_FULL_SYNC_TIME_UTC = "LastFullSyncTimeUtc";
    public static final String LAST_DELTA_SYNC_TIME_UTC = "LastDeltaSyncTimeUtc";
    public static final String INTERVAL = "Interval";
    public static final String NAME = "Name";
    public static final String VERSION = "Version";
    public static final String PUBLISHER = "Publisher";
    public static final String LANGUAGE = "Language";
    public static final String PROGRAM_ID = "ProgramId";
    public static final String MSI_PRODUCT_CODE = "MsiProductCode";
    public static final String MSI_PACKAGE_CODE = "MsiPackageCode";
    public static final String INSTALL_DATE = "InstallDate";
    public static final String LOG_MAX_SIZE = "LogMaxSize";
    public static final String LOG_MAX_HISTORY = "LogMaxHistory";
    public static final String CERT_METADATA = "CertMetadata";
    public static final String CHECKIN = "Checkin";
    public static final String RETRY_COUNT = "RetryCount";
    public static final String NEXT_RETRY_TIME_UTC = "NextRetryTimeUtc";

    /** The real device's locations. */
    public static final RegPath DEFAULT_ROOT = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\" + INTUNE_MANAGEMENT_EXTENSION);
    public static final RegPath DEFAULT_AGENT_ROOT = RegPath.parse("HKLM\\SOFTWARE\\Microsoft\\" + INTUNE_WINDOWS_AGENT);
    public static final RegPath DEFAULT_LAB_ROOT = RegPath.parse("HKLM\\SOFTWARE\\imelab");

    public ImeLayout {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(agentRoot, "agentRoot");
        Objects.requireNonNull(labRoot, "labRoot");
    }

    /** The layout of a real device. */
    public static ImeLayout standard() {
        return new ImeLayout(DEFAULT_ROOT, DEFAULT_AGENT_ROOT, DEFAULT_LAB_ROOT);
    }

    /**
     * A layout rooted elsewhere (a sandbox such as {@code HKCU\Software\lab1\IntuneManagementExtension}):
     * the agent's and imelab's keys become siblings of the given root.
     */
    public static ImeLayout at(RegPath root) {
        if (root.isRoot()) {
            throw new IllegalArgumentException("The IME root must be a key below a hive, not " + root);
        }
        if (root.equals(DEFAULT_ROOT)) {
            return standard();
        }
        RegPath parent = root.parent();
        return new ImeLayout(root, parent.child(INTUNE_WINDOWS_AGENT), parent.child("imelab"));
    }

    // --- Win32 apps (C §1.2 - §1.4) ---

    public RegPath win32Apps() {
        return root.child(WIN32_APPS);
    }

    public RegPath scope(Scope scope) {
        return win32Apps().child(scope.id());
    }

    public RegPath app(Scope scope, Win32AppKey app) {
        return scope(scope).child(app.keyName());
    }

    public RegPath complianceStateMessage(Scope scope, Win32AppKey app) {
        return app(scope, app).child(COMPLIANCE_STATE_MESSAGE);
    }

    public RegPath enforcementStateMessage(Scope scope, Win32AppKey app) {
        return app(scope, app).child(ENFORCEMENT_STATE_MESSAGE);
    }

    public RegPath grs(Scope scope) {
        return scope(scope).child(GRS);
    }

    public RegPath grs(Scope scope, SubgraphHash hash) {
        return grs(scope).child(hash.value());
    }

    public RegPath reporting(Scope scope) {
        return win32Apps().child(REPORTING, scope.id());
    }

    public RegPath reporting(Scope scope, String appId) {
        return reporting(scope).child(appId);
    }

    public RegPath reportCache(Scope scope, String appId) {
        return reporting(scope, appId).child(REPORT_CACHE, scope.id());
    }

    public RegPath operationalState(Scope scope) {
        return win32Apps().child(OPERATIONAL_STATE, scope.id());
    }

    public RegPath win32AppSettings() {
        return root.child(WIN32_APP_SETTINGS);
    }

    // --- PowerShell platform scripts (C §1.5) ---

    public RegPath policies(Scope user) {
        return root.child(POLICIES, user.id());
    }

    public RegPath policy(Scope user, String policyId) {
        return policies(user).child(policyId);
    }

    // --- SideCarPolicies (C §1.4, §1.6) ---

    public RegPath sideCarPolicies() {
        return root.child(SIDECAR_POLICIES);
    }

    public RegPath scriptExecutions(Scope user) {
        return sideCarPolicies().child(SCRIPTS, EXECUTION, user.id());
    }

    public RegPath scriptExecution(Scope user, String policyKey) {
        return scriptExecutions(user).child(policyKey);
    }

    public RegPath scriptReports(Scope user) {
        return sideCarPolicies().child(SCRIPTS, REPORTS, user.id());
    }

    public RegPath scriptResult(Scope user, String policyKey) {
        return scriptReports(user).child(policyKey, RESULT);
    }

    public RegPath statusServiceReports(Scope user) {
        return sideCarPolicies().child(STATUS_SERVICE_REPORTS, user.id());
    }

    public RegPath statusServiceReport(Scope user, String appId) {
        return statusServiceReports(user).child(appId);
    }

    // --- inventory, settings, logging (C §1.7, §1.1, Part A) ---

    public RegPath inventorySetting() {
        return root.child(INVENTORY_SETTING);
    }

    public RegPath inventories() {
        return root.child(INVENTORIES);
    }

    public RegPath inventory(String entryId) {
        return inventories().child(entryId);
    }

    public RegPath settings() {
        return root.child(SETTINGS);
    }

    public RegPath logging() {
        return agentRoot.child(LOGGING);
    }

    /** The Client Cert Checker's record of the certificate it validated ({@link CertMetadataKey}). */
    public RegPath certMetadata() {
        return root.child(CERT_METADATA);
    }

    // --- imelab's own state ---

    /** imelab's record of the check-in schedule ({@link CheckinStateKey}). */
    public RegPath checkinState() {
        return labRoot.child(CHECKIN);
    }

    public RegPath labApp(Scope scope, Win32AppKey app) {
        return labRoot.child(WIN32_APPS, scope.id(), app.keyName());
    }

    public RegPath labScope(Scope scope) {
        return labRoot.child(WIN32_APPS, scope.id());
    }

    /** Win32 app results the service has not taken yet, one value per app, below a key per scope. */
    public RegPath labPendingReports() {
        return labRoot.child("PendingReports");
    }

    public RegPath labReevaluation(Scope scope) {
        return labScope(scope).child(REEVALUATION);
    }
}
