package org.imelab.agent.win32app.rules;

import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.ERROR;
import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.MET;
import static org.imelab.agent.win32app.rules.RuleOutcome.Verdict.NOT_MET;
import static org.imelab.gateway.protocol.win32.FileDetectionType.CREATED_DATE;
import static org.imelab.gateway.protocol.win32.FileDetectionType.DOES_NOT_EXIST;
import static org.imelab.gateway.protocol.win32.FileDetectionType.EXISTS;
import static org.imelab.gateway.protocol.win32.FileDetectionType.MODIFIED_DATE;
import static org.imelab.gateway.protocol.win32.FileDetectionType.SIZE_IN_MB;
import static org.imelab.gateway.protocol.win32.FileDetectionType.VERSION;
import static org.imelab.gateway.protocol.win32.Operator.EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.GREATER_THAN;
import static org.imelab.gateway.protocol.win32.Operator.GREATER_THAN_OR_EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.LESS_THAN;
import static org.imelab.gateway.protocol.win32.Operator.LESS_THAN_OR_EQUAL;
import static org.imelab.gateway.protocol.win32.Operator.NOT_CONFIGURED;
import static org.imelab.gateway.protocol.win32.Operator.NOT_EQUAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.registry.memory.MemoryRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file sub-type and operator (C §3.5) against real files on an emulated C: drive: the 7-Zip
 * rule of the real policy sample, dates, sizes, versions from a PE version resource, the 32-bit
 * program folder and System32 redirection.
 */
class FileRuleTest {
    static final Instant MODIFIED = Instant.parse("2024-03-15T10:20:30Z");

    @TempDir
    static Path home;
    static Instant created;

    @BeforeAll
    static void files() throws IOException {
        Path c = home.resolve("drive_c");
        Path sevenZip = Files.createDirectories(c.resolve("Program Files/7-Zip"));
        Files.write(sevenZip.resolve("7z.exe"), TestPe.withFileVersion(25, 1, 0, 0));
        Path x86 = Files.createDirectories(c.resolve("Program Files (x86)/Legacy"));
        Files.write(x86.resolve("legacy.exe"), TestPe.withFileVersion(1, 2, 3, 4));
        Path data = Files.createDirectories(c.resolve("ProgramData/Vendor"));
        Files.write(data.resolve("big.bin"), new byte[3 * 1024 * 1024 + 5]);
        Files.setLastModifiedTime(data.resolve("big.bin"), FileTime.from(MODIFIED));
        Files.writeString(data.resolve("notes.txt"), "not a PE file");
        Files.createDirectories(c.resolve("Windows/SysWOW64")).resolve("only32.dll").toFile().createNewFile();
        Files.createDirectories(c.resolve("Windows/System32")).resolve("only64.dll").toFile().createNewFile();
        created = Files.readAttributes(data.resolve("big.bin"), BasicFileAttributes.class).creationTime().toInstant()
                .truncatedTo(ChronoUnit.SECONDS);
    }

    static FileRule rule(String path, String name, FileDetectionType t, Operator op, String value) {
        return new FileRule(path, name, false, t, op, value);
    }

    static Stream<Arguments> rules() {
        String data = "%ProgramData%\\Vendor";
        return Stream.of(
                // the real sample: C:\Program Files\7-zip (lower case z), 7z.exe, version >= 25.01.00.0
                Arguments.of(rule("C:\\\\Program Files\\\\7-zip", "7z.exe", VERSION, GREATER_THAN_OR_EQUAL, "25.01.00.0"), MET),
                Arguments.of(rule("C:\\Program Files\\7-Zip", "7z.exe", VERSION, EQUAL, "25.1"), MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7z.exe", VERSION, NOT_EQUAL, "25.1.0.0"), NOT_MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7z.exe", VERSION, GREATER_THAN, "24.9"), MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7z.exe", VERSION, LESS_THAN, "24.9"), NOT_MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7z.exe", VERSION, LESS_THAN_OR_EQUAL, "25.1.0.1"), MET),
                Arguments.of(rule(data, "notes.txt", VERSION, EQUAL, "1.0"), NOT_MET),
                Arguments.of(rule("%ProgramFiles%", "7-Zip", VERSION, EQUAL, "1.0"), NOT_MET),
                // exists / does not exist, files and folders
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7z.exe", EXISTS, NOT_CONFIGURED, null), MET),
                Arguments.of(rule("%ProgramFiles%", "7-Zip", EXISTS, NOT_CONFIGURED, null), MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7zFM.exe", EXISTS, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7zFM.exe", DOES_NOT_EXIST, NOT_CONFIGURED, null), MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7z.exe", DOES_NOT_EXIST, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(rule("%ProgramFiles%\\7-Zip", "7z.exe", FileDetectionType.NOT_CONFIGURED, NOT_CONFIGURED, null), MET),
                // size in MB (3 MB + 5 bytes reads as 3)
                Arguments.of(rule(data, "big.bin", SIZE_IN_MB, EQUAL, "3"), MET),
                Arguments.of(rule(data, "big.bin", SIZE_IN_MB, NOT_EQUAL, "3"), NOT_MET),
                Arguments.of(rule(data, "big.bin", SIZE_IN_MB, GREATER_THAN, "2"), MET),
                Arguments.of(rule(data, "big.bin", SIZE_IN_MB, GREATER_THAN_OR_EQUAL, "4"), NOT_MET),
                Arguments.of(rule(data, "big.bin", SIZE_IN_MB, LESS_THAN, "4"), MET),
                Arguments.of(rule(data, "big.bin", SIZE_IN_MB, LESS_THAN_OR_EQUAL, "2"), NOT_MET),
                Arguments.of(rule(data, "big.bin", SIZE_IN_MB, EQUAL, "three"), ERROR),
                Arguments.of(rule(data, "missing.bin", SIZE_IN_MB, EQUAL, "3"), NOT_MET),
                // date modified, several spellings of the same instant
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, EQUAL, "2024-03-15T10:20:30Z"), MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, EQUAL, "2024-03-15T12:20:30+02:00"), MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, EQUAL, "3/15/2024 10:20:30"), MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, NOT_EQUAL, "2024-03-15T10:20:30"), NOT_MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, GREATER_THAN, "2024-03-15"), MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, GREATER_THAN_OR_EQUAL, "2024-03-16"), NOT_MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, LESS_THAN, "2024-03-16"), MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, LESS_THAN_OR_EQUAL, "2024-03-15T10:20:29Z"), NOT_MET),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, EQUAL, "yesterday"), ERROR),
                Arguments.of(rule(data, "big.bin", MODIFIED_DATE, NOT_CONFIGURED, "2024-03-15"), ERROR),
                // date created: whatever the file system recorded
                Arguments.of(rule(data, "big.bin", CREATED_DATE, EQUAL, created.toString()), MET),
                Arguments.of(rule(data, "big.bin", CREATED_DATE, GREATER_THAN, created.minusSeconds(60).toString()), MET),
                Arguments.of(rule(data, "big.bin", CREATED_DATE, LESS_THAN, created.toString()), NOT_MET),
                // 32-bit view of a 64-bit system
                Arguments.of(new FileRule("%ProgramFiles%\\Legacy", "legacy.exe", true, VERSION, EQUAL, "1.2.3.4"), MET),
                Arguments.of(new FileRule("%ProgramFiles%\\Legacy", "legacy.exe", false, EXISTS, NOT_CONFIGURED, null), NOT_MET),
                Arguments.of(new FileRule("C:\\Windows\\System32", "only32.dll", true, EXISTS, NOT_CONFIGURED, null), MET),
                Arguments.of(new FileRule("%SystemRoot%\\system32", "only64.dll", false, EXISTS, NOT_CONFIGURED, null), MET),
                Arguments.of(new FileRule("%SystemRoot%\\system32", "only64.dll", true, EXISTS, NOT_CONFIGURED, null), NOT_MET),
                // paths a rule cannot use
                Arguments.of(rule("Program Files\\7-Zip", "7z.exe", EXISTS, NOT_CONFIGURED, null), ERROR),
                Arguments.of(rule("%NOT_A_VARIABLE%\\7-Zip", "7z.exe", EXISTS, NOT_CONFIGURED, null), ERROR));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void evaluates(FileRule rule, RuleOutcome.Verdict expected) {
        MemoryRegistry registry = new MemoryRegistry();
        DetectionEvaluator detection = new DetectionEvaluator(registry, WindowsPaths.emulated(home, Map.of(), true),
                new UninstallKeyMsiProducts(registry), new ScriptHost(home.resolve("scripts"), false, Map.of(),
                Duration.ofSeconds(5)), FixedDeviceFacts.typical());
        RuleOutcome o = detection.evaluate(rule);
        assertEquals(expected, o.verdict(), o.detail());
    }
}
