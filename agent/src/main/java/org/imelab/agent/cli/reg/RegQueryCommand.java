package org.imelab.agent.cli.reg;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imelab.registry.RegPath;
import org.imelab.registry.RegType;
import org.imelab.registry.RegValue;
import org.imelab.registry.Registry;
import picocli.CommandLine.Command;

/**
 * {@code reg query KeyName [/v ValueName | /ve] [/s] [/reg:32 | /reg:64]}, printing what reg.exe
 * prints: a blank line, the key, its values as {@code     name    REG_TYPE    data}, a blank line,
 * then the subkeys (or, with /s, each subkey the same way).
 */
@Command(name = "query",
        description = {"Lists a key's values and subkeys, like reg query.",
            "imelab reg query KeyName [/v ValueName | /ve] [/s] [/reg:32 | /reg:64]",
            "  /v    the named value only      /ve   the default value only",
            "  /s    all subkeys and values, recursively",
            "  /reg:32, /reg:64   the 32-bit or 64-bit view (default 64)"})
public final class RegQueryCommand extends RegVerb {
    private static final String COLUMN = "    ";

    private RegPath key;
    private String valueName;
    private boolean defaultValue;
    private boolean recurse;
    private int matches;

    @Override
    void parse(List<String> a) throws RegSyntaxException {
        Arguments args = Arguments.walk(a, 1, this::option);
        String keyText = args.keyName();
        if (valueName != null && defaultValue) {
            throw new RegSyntaxException("/v and /ve exclude each other.");
        }
        key = key(keyText, args.view());
    }

    private boolean option(String name, Arguments args) throws RegSyntaxException {
        switch (name) {
            case "v" -> {
                if (valueName != null) {
                    throw new RegSyntaxException("/v given twice.");
                }
                valueName = args.operand();
            }
            case "ve" -> defaultValue = true;
            case "s" -> recurse = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    int run(Registry registry) {
        if (!registry.exists(key)) {
            err.println(NOT_FOUND);
            return 1;
        }
        out.println();
        if (valueName == null && !defaultValue) {
            queryAll(registry, key, false);
            return 0;
        }
        String name = defaultValue ? "" : valueName;
        boolean found = queryValue(registry, key, name);
        if (recurse) {
            out.println("End of search: " + matches + " match(es) found.");
            return 0;
        }
        if (found) {
            return 0;
        }
        if (defaultValue) { // reg.exe shows an unset default rather than failing
            out.println(key);
            out.println(COLUMN + "(Default)" + COLUMN + "REG_SZ" + COLUMN + "(value not set)");
            out.println();
            return 0;
        }
        err.println(NOT_FOUND);
        return 1;
    }

    /** Prints one value of a key (and, with /s, of every subkey); returns whether this key had it. */
    private boolean queryValue(Registry registry, RegPath at, String name) {
        Optional<RegValue> value = registry.get(at, name);
        value.ifPresent(v -> {
            out.println(at);
            printValue(name, v);
            out.println();
            matches++;
        });
        if (recurse) {
            for (String sub : registry.subKeys(at)) {
                queryValue(registry, at.child(sub), name);
            }
        }
        return value.isPresent();
    }

    private void queryAll(Registry registry, RegPath at, boolean recursing) {
        Map<String, RegValue> values = registry.values(at);
        if (!values.isEmpty() || recursing) {
            out.println(at);
        }
        values.forEach(this::printValue);
        if (!values.isEmpty() || recursing) {
            out.println();
        }
        for (String sub : registry.subKeys(at)) {
            if (recurse) {
                queryAll(registry, at.child(sub), true);
            } else {
                out.println(at.child(sub));
            }
        }
    }

    private void printValue(String name, RegValue value) {
        out.println(COLUMN + (name.isEmpty() ? "(Default)" : name) + COLUMN + typeName(value) + COLUMN + value.display());
    }

    static String typeName(RegValue value) {
        try {
            return RegType.ofCode(value.typeCode()).name();
        } catch (IllegalArgumentException unnamed) {
            return "0x" + Integer.toHexString(value.typeCode());
        }
    }
}
