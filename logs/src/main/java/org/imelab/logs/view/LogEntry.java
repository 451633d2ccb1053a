package org.imelab.logs.view;

import java.time.LocalDateTime;
import org.imelab.logs.cmtrace.CmTraceRecord;

/**
 * A record as {@code imelab logs} orders and shows it.
 *
 * @param record    the record, with the file it came from
 * @param localTime its time in the viewer's zone: the line's own local time (IME lines carry no
 *                  zone), converted only when the line has a ConfigMgr bias; a line whose time
 *                  cannot be read takes the time of the line before it in the same file (null
 *                  if there is none)
 */
public record LogEntry(CmTraceRecord record, LocalDateTime localTime) {
}
