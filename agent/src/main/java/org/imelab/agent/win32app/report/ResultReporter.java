package org.imelab.agent.win32app.report;

import java.util.List;
import org.imelab.gateway.protocol.report.AppResult;

/** Sends app results to the service ({@code Win32AppResult}). */
@FunctionalInterface
public interface ResultReporter {
    /**
     * @throws ReportNotDeliveredException when the service did not take the report
     */
    void send(List<AppResult> results) throws ReportNotDeliveredException;
}
