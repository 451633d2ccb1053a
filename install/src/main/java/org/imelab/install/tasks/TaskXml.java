package org.imelab.install.tasks;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Renders a {@link ScheduledTask} in the Task Scheduler schema
 * ({@code http://schemas.microsoft.com/windows/2004/02/mit/task}, version 1.2), the XML that
 * {@code schtasks.exe /Create /XML} reads. Elements are written in the schema's sequence order
 * (triggerBaseType: Enabled, StartBoundary, EndBoundary, Repetition, ExecutionTimeLimit; then the
 * trigger's own elements).
 */
public final class TaskXml {
    public static final String NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task";
    /** The well-known SID of LocalSystem. */
    public static final String LOCAL_SYSTEM_SID = "S-1-5-18";

    private TaskXml() {
    }

    public static String render(ScheduledTask task) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n");
        x.append("<Task version=\"1.2\" xmlns=\"").append(NAMESPACE).append("\">\r\n");
        x.append("  <RegistrationInfo>\r\n");
        x.append("    <Author>imelab</Author>\r\n");
        x.append("    <Description>").append(escape(task.description())).append("</Description>\r\n");
        x.append("    <URI>").append(escape(task.path())).append("</URI>\r\n");
        x.append("  </RegistrationInfo>\r\n");
        x.append("  <Triggers>\r\n");
        for (ScheduledTask.Trigger t : task.triggers()) {
            switch (t) {
                case ScheduledTask.AtStartup s -> x.append("    <BootTrigger>\r\n")
                        .append("      <Enabled>true</Enabled>\r\n")
                        .append("      <Delay>").append(duration(s.delay())).append("</Delay>\r\n")
                        .append("    </BootTrigger>\r\n");
                case ScheduledTask.Daily d -> x.append("    <CalendarTrigger>\r\n")
                        .append("      <Enabled>true</Enabled>\r\n")
                        .append("      <StartBoundary>").append(dateTime(d.start())).append("</StartBoundary>\r\n")
                        .append("      <ScheduleByDay>\r\n")
                        .append("        <DaysInterval>1</DaysInterval>\r\n")
                        .append("      </ScheduleByDay>\r\n")
                        .append("    </CalendarTrigger>\r\n");
                case ScheduledTask.Repeating r -> x.append("    <TimeTrigger>\r\n")
                        .append("      <Enabled>true</Enabled>\r\n")
                        .append("      <StartBoundary>").append(dateTime(r.start())).append("</StartBoundary>\r\n")
                        .append("      <Repetition>\r\n")
                        .append("        <Interval>").append(duration(r.interval())).append("</Interval>\r\n")
                        .append("        <StopAtDurationEnd>false</StopAtDurationEnd>\r\n")
                        .append("      </Repetition>\r\n")
                        .append("    </TimeTrigger>\r\n");
            }
        }
        x.append("  </Triggers>\r\n");
        x.append("  <Principals>\r\n");
        x.append("    <Principal id=\"System\">\r\n");
        x.append("      <UserId>").append(LOCAL_SYSTEM_SID).append("</UserId>\r\n");
        x.append("      <RunLevel>HighestAvailable</RunLevel>\r\n");
        x.append("    </Principal>\r\n");
        x.append("  </Principals>\r\n");
        x.append("  <Settings>\r\n");
        x.append("    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\r\n");
        x.append("    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\r\n");
        x.append("    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\r\n");
        x.append("    <StartWhenAvailable>true</StartWhenAvailable>\r\n");
        x.append("    <ExecutionTimeLimit>").append(duration(task.executionTimeLimit())).append("</ExecutionTimeLimit>\r\n");
        x.append("    <Enabled>true</Enabled>\r\n");
        x.append("  </Settings>\r\n");
        x.append("  <Actions Context=\"System\">\r\n");
        x.append("    <Exec>\r\n");
        x.append("      <Command>").append(escape(task.command())).append("</Command>\r\n");
        x.append("      <Arguments>").append(escape(task.arguments())).append("</Arguments>\r\n");
        x.append("    </Exec>\r\n");
        x.append("  </Actions>\r\n");
        x.append("</Task>\r\n");
        return x.toString();
    }

    /** xs:duration as Task Scheduler writes it: PT5M, PT1H, P1D. */
    static String duration(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("Negative duration " + d);
        }
        if (d.toSeconds() % 86_400 == 0 && !d.isZero()) {
            return "P" + d.toDays() + "D";
        }
        return d.toString(); // PT1H, PT5M, PT30S
    }

    static String dateTime(LocalDateTime t) {
        return t.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
