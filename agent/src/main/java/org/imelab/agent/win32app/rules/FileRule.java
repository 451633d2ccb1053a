package org.imelab.agent.win32app.rules;

import java.util.Objects;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;

/**
 * A file or folder condition (detection type 2, or a file requirement).
 *
 * @param path                 the folder, Windows form, environment variables allowed ({@code %ProgramFiles%\7-Zip})
 * @param fileOrFolderName     the file or folder inside it
 * @param check32BitOn64System expand the 32-bit program folders and System32 redirection
 * @param type                 what is checked
 * @param operator             the comparison for dates, version and size
 * @param value                the expected value ({@code DetectionValue})
 */
public record FileRule(String path, String fileOrFolderName, boolean check32BitOn64System, FileDetectionType type,
                       Operator operator, String value) implements DetectionRule, RequirementRule {

    public FileRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        fileOrFolderName = fileOrFolderName == null ? "" : fileOrFolderName;
        operator = operator == null ? Operator.NOT_CONFIGURED : operator;
    }

    @Override
    public int detectionType() {
        return 2;
    }

    @Override
    public String managerName() {
        return "SideCarFileDetectionManager";
    }
}
