package org.imelab.agent.cli.reg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.imelab.registry.RegOp;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import picocli.CommandLine.Command;

/** {@code reg delete KeyName [/v ValueName | /ve | /va] [/f] [/reg:32 | /reg:64]}. */
@Command(name = "delete",
        description = {"Deletes a key with everything below it, or values, like reg delete.",
            "imelab reg delete KeyName [/v ValueName | /ve | /va] [/f] [/reg:32 | /reg:64]",
            "  /v    the named value     /ve   the default value     /va   all values of the key",
            "  /f    delete without asking"})
public final class RegDeleteCommand extends RegVerb {
    private RegPath key;
    private String valueName;
    private boolean allValues;
    private boolean force;

    private boolean defaultValue;
    private int selectors;

    @Override
    void parse(List<String> a) throws RegSyntaxException {
        Arguments args = Arguments.walk(a, 1, this::option);
        String keyText = args.keyName();
        if (selectors > 1) {
            throw new RegSyntaxException("Give one of /v, /ve and /va.");
        }
        if (defaultValue) {
            valueName = "";
        }
        key = key(keyText, args.view());
    }

    private boolean option(String name, Arguments args) throws RegSyntaxException {
        switch (name) {
            case "v" -> valueName = args.operand();
            case "ve" -> defaultValue = true;
            case "va" -> allValues = true;
            case "f" -> {
                force = true;
                return true;
            }
            default -> {
                return false;
            }
        }
        selectors++;
        return true;
    }

    @Override
    int run(Registry registry) throws IOException {
        if (!registry.exists(key)) {
            err.println(NOT_FOUND);
            return 1;
        }
        if (valueName != null) {
            if (registry.get(key, valueName).isEmpty()) {
                err.println(NOT_FOUND);
                return 1;
            }
            if (!force && !confirm("Delete the registry value " + (valueName.isEmpty() ? "(Default)" : valueName))) {
                out.println(CANCELED);
                return 0;
            }
            registry.deleteValue(key, valueName);
        } else if (allValues) {
            if (!force && !confirm("Delete all values under the registry key " + key)) {
                out.println(CANCELED);
                return 0;
            }
            List<RegOp> ops = new ArrayList<>();
            for (String name : registry.values(key).keySet()) {
                ops.add(new RegOp.DeleteValue(key, name));
            }
            registry.apply(ops);
        } else {
            if (!force && !confirm("Permanently delete the registry key " + key)) {
                out.println(CANCELED);
                return 0;
            }
            registry.deleteTree(key);
        }
        out.println(SUCCESS);
        return 0;
    }
}
