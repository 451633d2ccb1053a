package org.imelab.install.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stand-in for schtasks.exe on Linux: a shell script that keeps each task's XML file exactly as
 * it was handed over (so a test can check its bytes), answers /Query with it and /Delete removes
 * it, with schtasks' exit codes. It runs as a real child process, like schtasks.exe does.
 */
public final class FakeSchtasks {
    private final Path script;
    private final Path store;

    public FakeSchtasks(Path dir) throws IOException {
        this.store = Files.createDirectories(dir.resolve("tasks"));
        this.script = dir.resolve("schtasks.sh");
        String s = """
                #!/bin/sh
                store='%s'
                key() { printf '%%s' "$1" | tr '\\\\ ' '#_'; }
                case "$1" in
                  /Create)
                    [ "$2" = /XML ] && [ "$4" = /TN ] && [ "$6" = /F ] || { echo "ERROR: Invalid syntax." >&2; exit 1; }
                    [ -f "$store/FAIL" ] && { echo "ERROR: Access is denied." >&2; exit 1; }
                    cp "$3" "$store/$(key "$5").xml"
                    echo "SUCCESS: The scheduled task \\"$5\\" has successfully been created."
                    ;;
                  /Query)
                    f="$store/$(key "$3").xml"
                    [ -f "$f" ] || { echo "ERROR: The system cannot find the file specified." >&2; exit 1; }
                    iconv -f UTF-16 -t UTF-8 "$f"
                    ;;
                  /Delete)
                    f="$store/$(key "$3").xml"
                    [ -f "$f" ] || { echo "ERROR: The system cannot find the file specified." >&2; exit 1; }
                    rm "$f"
                    echo "SUCCESS: The scheduled task \\"$3\\" was successfully deleted."
                    ;;
                  *) echo "ERROR: Invalid argument/option - '$1'." >&2; exit 1 ;;
                esac
                """.formatted(store);
        Files.writeString(script, s, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public String path() {
        return script.toString();
    }

    /** The task XML files as handed to /Create, by task name. */
    public Path fileOf(String taskPath) {
        return store.resolve(taskPath.replace('\\', '#').replace(' ', '_') + ".xml");
    }

    public List<String> taskFiles() throws IOException {
        try (Stream<Path> s = Files.list(store)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
        }
    }

    /** The next /Create fails with "Access is denied." */
    public void denyCreates() throws IOException {
        Files.writeString(store.resolve("FAIL"), "");
    }
}
