package org.imelab.agent.win32app.report;

/** A report the service did not take (no answer, an error, or entries it refused). */
public final class ReportNotDeliveredException extends Exception {
    public ReportNotDeliveredException(String message, Throwable cause) {
        super(message, cause);
    }
}
