package org.imelab.install.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.imelab.install.launch.WindowsCommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every command line imelab writes splits back into exactly the arguments it was made from. */
class CommandLineQuotingTest {

    static List<List<String>> argvs() {
        return List.of(
                List.of("/usr/bin/java", "-jar", "/opt/imelab/imelab.jar", "run"),
                List.of("/opt/my java/bin/java", "--home", "/var/lib/a b", "run"),
                List.of("/x/java", "100%", "$HOME", "${X}", "a\"b", "back\\slash", "tab\there", "", "semi;colon"),
                List.of("/x/java", "ünïcødé", "=equals=", "'single'", "trailing\\"));
    }

    @ParameterizedTest
    @MethodSource("argvs")
    void systemdExecStartRoundTrips(List<String> argv) {
        assertEquals(argv, SystemdExec.split(SystemdExec.join(argv)));
    }

    @ParameterizedTest
    @MethodSource("argvs")
    void desktopExecRoundTripsWithTheUrlInPlaceOfPercentU(List<String> argv) {
        String url = "intunemanagementextension://syncapp";
        List<String> expected = new java.util.ArrayList<>(argv);
        expected.add(url);
        assertEquals(expected, DesktopExec.expand(DesktopExec.join(argv, "%u"), url));
    }

    @ParameterizedTest
    @MethodSource("argvs")
    void windowsCommandLineRoundTrips(List<String> argv) {
        assertEquals(argv, WindowsCommandLine.split(WindowsCommandLine.join(argv)));
    }

    @Test
    void systemdEscapesPercentAndDollarSoNothingIsSubstituted() {
        assertEquals("/x \"100%%\" \"$$HOME\"", SystemdExec.join(List.of("/x", "100%", "$HOME")));
    }

    @Test
    void systemdRefusesWhatItWouldSubstitute() {
        assertThrows(IllegalArgumentException.class, () -> SystemdExec.split("/x %h"));
        assertThrows(IllegalArgumentException.class, () -> SystemdExec.split("/x $HOME"));
        assertThrows(IllegalArgumentException.class, () -> SystemdExec.split("/x \"open"));
    }

    @Test
    void windowsQuotesTheProgramAlwaysAndArgumentsWhenNeeded() {
        assertEquals("\"C:\\Program Files\\Java\\bin\\java.exe\" -jar \"C:\\Program Files\\imelab\\imelab.jar\" run",
                WindowsCommandLine.join(List.of("C:\\Program Files\\Java\\bin\\java.exe", "-jar",
                        "C:\\Program Files\\imelab\\imelab.jar", "run")));
        assertEquals("\"C:\\Program Data\\imelab\\\\\"", WindowsCommandLine.quote("C:\\Program Data\\imelab\\"));
        assertEquals("C:\\ProgramData\\imelab\\", WindowsCommandLine.quote("C:\\ProgramData\\imelab\\"), "no blank, no quotes");
        assertEquals("\"say \\\"hi\\\"\"", WindowsCommandLine.quote("say \"hi\""));
    }

    @Test
    void desktopExecKeepsTheSpecsEscapes() {
        assertEquals("/usr/bin/java \"/a b/imelab.jar\" 100%% %u",
                DesktopExec.join(List.of("/usr/bin/java", "/a b/imelab.jar", "100%"), "%u"));
        assertEquals("\"a\\\\\\\\b\" %u", DesktopExec.join(List.of("a\\b"), "%u"), "quoted \\ then the value escape");
    }
}
