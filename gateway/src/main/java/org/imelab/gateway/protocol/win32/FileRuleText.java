package org.imelab.gateway.protocol.win32;

import java.util.Optional;

/**
 * A file or folder rule as both texts carry it: {@link Detection.File} spells its kind and
 * comparand {@code DetectionType}/{@code DetectionValue}, {@link RequirementText.File}
 * {@code Type}/{@code Value}; the rule is the same.
 */
public sealed interface FileRuleText permits Detection.File, RequirementText.File {
    String path();

    String fileOrFolderName();

    Boolean check32BitOn64System();

    /** The {@link FileDetectionType} number. */
    int typeCode();

    Integer operator();

    /** What the file's property is compared with. */
    String comparand();

    default Optional<FileDetectionType> kind() {
        return FileDetectionType.of(typeCode());
    }

    default Optional<Operator> operatorKind() {
        return Operator.ofNullable(operator());
    }
}
