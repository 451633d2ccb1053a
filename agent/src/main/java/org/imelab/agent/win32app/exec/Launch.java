package org.imelab.agent.win32app.exec;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One installer start as the runner has prepared it.
 *
 * @param commandLine      the policy's command line as written (what Windows is given)
 * @param argv             the same split for a process builder ({@link CommandLines})
 * @param workingDirectory the app's IMECache folder
 * @param environment      variables added to the inherited environment
 * @param output           where stdout and stderr go; null discards them
 * @param exitCodeFile     off Windows, the file a lab installer may write its full exit code to; else null
 */
public record Launch(String commandLine, List<String> argv, Path workingDirectory, Map<String, String> environment,
                     Path output, Path exitCodeFile) {
    public Launch {
        Objects.requireNonNull(commandLine, "commandLine");
        argv = List.copyOf(argv);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
    }

    /**
     * A process builder for this launch: {@code prefix} (e.g. a tool that switches user) comes
     * before the installer's own arguments.
     */
    public ProcessBuilder processBuilder(List<String> prefix, boolean windows) {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(prefix.stream(), argv.stream()).toList())
                .directory(workingDirectory.toFile());
        pb.environment().putAll(environment);
        if (output == null) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        }
        return pb.redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));
    }
}
