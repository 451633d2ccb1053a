package org.imelab.registry.ime;

/**
 * A PowerShell platform script's state under {@code Policies\{user}\{policyId}}. Any component may
 * be null (value absent).
 *
 * @param result        {@code Success} or {@code Failed}; tools test it with {@code -match 'success'}
 * @param errorCode     the script's error code
 * @param resultDetails the error-record text of a failed run
 * @param downloadCount the run counter (at most 3)
 */
public record ScriptPolicyResult(String result, Integer errorCode, String resultDetails, Integer downloadCount) {
}
