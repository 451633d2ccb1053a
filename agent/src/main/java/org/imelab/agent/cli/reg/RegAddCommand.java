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

    @Override
    void parse(List<String> a) throws RegSyntaxException {
        ViewSwitch view = new ViewSwitch();
        String keyText = null;
        String type = null;
        String data = null;
        String separator = null;
        boolean defaultValue = false;
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            if (!isSwitch(t)) {
                if (keyText != null) {
                    throw new RegSyntaxException("Unexpected argument: " + t);
                }
                keyText = t;
                continue;
            }
            String name = switchName(t);
            if (view.accept(name)) {
                continue;
            }
            switch (name) {
                case "v" -> valueName = once(valueName, operand(a, ++i, t), t);
                case "ve" -> defaultValue = true;
                case "t" -> type = once(type, operand(a, ++i, t), t);
                case "d" -> data = once(data, operand(a, ++i, t), t);
                case "s" -> separator = once(separator, operand(a, ++i, t), t);
                case "f" -> force = true;
                default -> throw new RegSyntaxException("Unknown switch " + t + ".");
            }
        }
        if (keyText == null) {
            throw new RegSyntaxException("A key name is needed.");
        }
        if (valueName != null && defaultValue) {
            throw new RegSyntaxException("/v and /ve exclude each other.");
        }
        key = key(keyText, view.view());
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

    private static String once(String previous, String next, String token) throws RegSyntaxException {
        if (previous != null) {
            throw new RegSyntaxException(token + " given twice.");
        }
        return next;
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
