package org.imelab.gateway.content;

/**
 * The {@code MsiInfo} block IntuneWinAppUtil writes into Detection.xml when the setup file is an
 * MSI, element for element in its order (C §4.2). Strings may be null when a reader left them out.
 */
public record MsiInfo(String productCode, String productVersion, String packageCode, String upgradeCode,
                      String executionContext, boolean requiresLogon, boolean requiresReboot,
                      boolean isMachineInstall, boolean isUserInstall, boolean includesServices,
                      boolean includesOdbcDataSource, boolean containsSystemRegistryKeys,
                      boolean containsSystemFolders, String publisher) {
}
