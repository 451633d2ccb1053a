package org.imelab.install.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.imelab.install.StepContext;
import org.imelab.install.Undo;
import org.imelab.install.process.CommandFailedException;
import org.imelab.install.process.ProcessCommandRunner;
import org.imelab.install.tasks.ScheduledTask;
import org.imelab.install.tasks.ScheduledTaskStep;
import org.imelab.install.tasks.Schtasks;
import org.imelab.install.tasks.TaskXml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The task XML registered with the real schtasks.exe (needs an elevated prompt: the task runs as SYSTEM). */
@EnabledOnOs(OS.WINDOWS)
class SchtasksWindowsTest {
    private final String path = "\\imelab test " + ProcessHandle.current().pid();
    private final Schtasks schtasks = new Schtasks(new ProcessCommandRunner());

    @AfterEach
    void removeTheTask() {
        schtasks.delete(path);
    }

    private ScheduledTask task() {
        return new ScheduledTask(path, "imelab SchtasksWindowsTest & co", "C:\\Windows\\System32\\cmd.exe", "/c exit 0",
                List.of(new ScheduledTask.AtStartup(Duration.ofMinutes(5)),
                        new ScheduledTask.Daily(LocalDateTime.of(2025, 1, 1, 3, 0)),
                        new ScheduledTask.Repeating(LocalDateTime.of(2025, 1, 1, 4, 0), Duration.ofHours(1))),
                Duration.ofMinutes(10));
    }

    @Test
    void theXmlIsAcceptedAndTheStepIsReversible() {
        StepContext ctx = StepContext.builder().commands(new ProcessCommandRunner()).build();
        ScheduledTaskStep step = new ScheduledTaskStep(task());
        assertFalse(step.isDone(ctx));

        Undo undo = step.apply(ctx);

        assertTrue(step.isDone(ctx));
        String xml = schtasks.query(path).orElseThrow();
        assertTrue(xml.contains("<UserId>S-1-5-18</UserId>"), xml);
        assertTrue(xml.contains("<Interval>PT1H</Interval>"), xml);
        undo.revert(ctx);
        assertTrue(schtasks.query(path).isEmpty());
    }

    @Test
    void aTaskThatWasThereComesBackAfterTheUndo() {
        StepContext ctx = StepContext.builder().commands(new ProcessCommandRunner()).build();
        ScheduledTask theirs = new ScheduledTask(path, "someone else's", "C:\\Windows\\System32\\cmd.exe", "/c exit 1",
                List.of(new ScheduledTask.AtStartup(Duration.ofMinutes(1))), Duration.ofMinutes(5));
        schtasks.create(path, TaskXml.render(theirs));

        Undo undo = new ScheduledTaskStep(task()).apply(ctx);
        undo.revert(ctx);

        assertTrue(schtasks.query(path).orElseThrow().contains("/c exit 1"));
    }

    @Test
    void malformedXmlIsRefusedWithSchtasksOwnMessage() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> schtasks.create(path, "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Task xmlns=\"" + TaskXml.NAMESPACE + "\"><Nonsense/></Task>"));
        assertTrue(e.result().exitCode() != 0);
        assertTrue(e.getMessage().contains("ERROR"), e.getMessage());
        assertEquals(java.util.Optional.empty(), schtasks.query(path));
    }
}
