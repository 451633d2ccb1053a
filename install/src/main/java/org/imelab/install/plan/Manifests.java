package org.imelab.install.plan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imelab.install.FileManifestStore;
import org.imelab.install.ManifestCodec;
import org.imelab.install.Undo;
import org.imelab.install.fs.DirectoryUndo;
import org.imelab.install.fs.FileUndo;
import org.imelab.install.fs.ProgramFilesUndo;
import org.imelab.install.linux.MimeDefaultUndo;
import org.imelab.install.process.CommandUndo;
import org.imelab.install.reg.RegistryUndo;
import org.imelab.install.service.ServiceUndo;
import org.imelab.install.service.StartServiceStep;
import org.imelab.install.tasks.ScheduledTaskUndo;

/** The manifest codec with every undo record kind, and where the manifest lives. */
public final class Manifests {
    private Manifests() {
    }

    public static ManifestCodec codec() {
        Map<String, Class<? extends Undo>> kinds = new LinkedHashMap<>();
        kinds.put("file", FileUndo.class);
        kinds.put("directory", DirectoryUndo.class);
        kinds.put("program-files", ProgramFilesUndo.class);
        kinds.put("mime-default", MimeDefaultUndo.class);
        kinds.put("commands", CommandUndo.class);
        kinds.put("registry", RegistryUndo.class);
        kinds.put("service", ServiceUndo.class);
        kinds.put("stop-service", StartServiceStep.StopServiceUndo.class);
        kinds.put("scheduled-task", ScheduledTaskUndo.class);
        return new ManifestCodec(kinds);
    }

    /** {@code <data home>/install/<service>.json}. */
    public static FileManifestStore store(Path dataHome, String serviceName) {
        return FileManifestStore.inDataHome(dataHome, serviceName, codec());
    }
}
