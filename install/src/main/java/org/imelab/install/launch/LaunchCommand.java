package org.imelab.install.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An absolute command line that starts imelab: {@code java [jvm options] -jar imelab.jar
 * [global options] <command...>}. Services, timers, tasks and the moniker handler all run
 * imelab this way, so none of them depends on PATH or on a shell.
 */
public record LaunchCommand(Path java, List<String> jvmOptions, Path jar, List<String> globalOptions) {

    /** JNA (the Windows registry, services, certificate stores) needs native access on JDK 24+. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    public LaunchCommand {
        if (!java.isAbsolute() || !jar.isAbsolute()) {
            throw new IllegalArgumentException("The java and jar paths must be absolute: " + java + ", " + jar);
        }
        jvmOptions = List.copyOf(jvmOptions);
        globalOptions = List.copyOf(globalOptions);
    }

    /** The java launcher of a Java home: bin/java, or bin\java.exe / bin\javaw.exe on Windows. */
    public static Path javaIn(Path javaHome, boolean windows, boolean noConsole) {
        String exe = windows ? (noConsole ? "javaw.exe" : "java.exe") : "java";
        return javaHome.resolve("bin").resolve(exe);
    }

    public List<String> argv(String... command) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions);
        argv.add("-jar");
        argv.add(jar.toString());
        argv.addAll(globalOptions);
        argv.addAll(List.of(command));
        return argv;
    }

    public LaunchCommand withJava(Path otherJava) {
        return new LaunchCommand(otherJava, jvmOptions, jar, globalOptions);
    }

    public LaunchCommand withJvmOptions(List<String> options) {
        return new LaunchCommand(java, options, jar, globalOptions);
    }
}
