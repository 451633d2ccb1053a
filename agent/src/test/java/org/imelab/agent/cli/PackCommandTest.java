package org.imelab.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imelab.gateway.content.ContentDecryptor;
import org.imelab.gateway.content.IntuneWinPackage;
import org.imelab.gateway.content.SafeUnzipper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PackCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int imelab(String... args) {
        CommandLine cl = ImelabCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void packsAFolderThatTheAgentCanVerifyAndUnpack() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("install.cmd"), "@echo off\r\nexit /b 0\r\n");
        Files.writeString(Files.createDirectories(src.resolve("files")).resolve("app.txt"), "payload");
        assertEquals(0, imelab("pack", src.toString(), "install.cmd", tmp.resolve("out").toString()), err.toString());
        Path pkg = tmp.resolve("out").toRealPath().resolve("install.intunewin");
        assertTrue(out.toString().contains("Packed " + pkg), out.toString());
        assertTrue(out.toString().contains("SetupFile:              install.cmd"));
        try (IntuneWinPackage p = IntuneWinPackage.open(pkg)) {
            assertFalse(out.toString().contains(java.util.Base64.getEncoder().encodeToString(p.info().encryptionInfo().encryptionKey())),
                    "keys are never printed");
            try (var in = p.openEncryptedContent()) {
                new ContentDecryptor().decrypt(in, p.info().encryptionInfo(), tmp.resolve("plain.zip"));
            }
        }
        new SafeUnzipper().unpack(tmp.resolve("plain.zip"), tmp.resolve("IMECache/app_1"));
        assertEquals("payload", Files.readString(tmp.resolve("IMECache/app_1/files/app.txt")));
    }

    @Test
    void aSetupFileOutsideTheFolderIsRefusedWithExitCode2() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path outside = Files.writeString(tmp.resolve("setup.exe"), "x");
        assertEquals(2, imelab("pack", src.toString(), outside.toString(), tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("is not a file in") || err.toString().contains("not inside"), err.toString());
        assertEquals(2, imelab("pack", tmp.resolve("missing").toString(), "setup.exe", tmp.resolve("out").toString()));
    }
}
