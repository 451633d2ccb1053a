package org.imelab.agent.cli.reg;

import java.io.IOException;
import java.util.List;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import picocli.CommandLine.Command;

/** {@code reg add KeyName [/v ValueName | /ve] [/t Type] [/s Separator] [/d Data] [/f] [/reg:32 | /reg:64]}. */
@Command(name = "add",
        description = {"Adds a key or sets a value, like reg add.",
            "imelab reg add KeyName [/v ValueName | /ve] [/t Type] [/s Separator] [/d Data] [/f] [/reg:32 | /reg:64]",
            "  /v    the value to set       /ve   the default value",
            "  /t    REG_SZ (default), REG_MULTI_SZ, REG_EXPAND_SZ, REG_DWORD, REG_QWORD, REG_BINARY, REG_NONE",
            "  /s    REG_MULTI_SZ separator (default \\0)",
            "  /d    the data: text, a decimal or 0x number, hex digits for REG_BINARY",
            "  /f    overwrite without asking"})
public final class RegAddCommand extends RegVerb {
    private RegPath key;
    private String valueName;
    private RegValue value;
    private boolean force;

    private String type;
    private String data;
    private String separator;
    private boolean defaultValue;

    @Override
    void parse(List<String> a) throws RegSyntaxException {
        Arguments args = Arguments.walk(a, 1, this::option);
        String keyText = args.keyName();
        if (valueName != null && defaultValue) {
            throw new RegSyntaxException("/v and /ve exclude each other.");
        }
        key = key(keyText, args.view());
        if (key.isRoot()) {
            throw new RegSyntaxException("Give a key below the hive, not " + key + ".");
        }
        int code = RegData.typeCode(type == null ? "REG_SZ" : type);
        if (separator != null && code != 7) {
            throw new RegSyntaxException("/s goes with /t REG_MULTI_SZ only.");
        }
        if (separator != null && separator.isEmpty()) {
            throw new RegSyntaxException("/s needs a separator.");
        }
        if (valueName == null && (defaultValue || type != null || data != null)) {
            valueName = ""; // the default value, as reg.exe does for /ve or a bare /d
        }
        if (valueName != null) {
            value = RegData.value(code, data == null ? "" : data, separator == null ? "\\0" : separator);
        }
    }

    private boolean option(String name, Arguments args) throws RegSyntaxException {
        switch (name) {
            case "v" -> valueName = args.operandOnce(valueName);
            case "ve" -> defaultValue = true;
            case "t" -> type = args.operandOnce(type);
            case "d" -> data = args.operandOnce(data);
            case "s" -> separator = args.operandOnce(separator);
            case "f" -> force = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    int run(Registry registry) throws IOException {
        if (valueName == null) {
            registry.createKey(key);
            out.println(SUCCESS);
            return 0;
        }
        if (!force && registry.get(key, valueName).isPresent()
                && !confirm("Value " + (valueName.isEmpty() ? "(Default)" : valueName) + " exists, overwrite")) {
            out.println(CANCELED);
            return 0;
        }
        registry.put(key, valueName, value);
        out.println(SUCCESS);
        return 0;
    }
}
