package org.imelab.agent.cli.reg;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imelab.registry.RegPath;
import org.imelab.registry.Registry;
import org.imelab.registry.RegistryException;
import org.imelab.registry.RegistryView;
import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * What the five verbs share: reg.exe's argument style (switches with '/' or '-', any case), its
 * messages and exit codes (0 done, 1 failed), and the registry to work on.
 */
abstract class RegVerb implements Callable<Integer> {
    static final String SUCCESS = "The operation completed successfully.";
    static final String NOT_FOUND = "ERROR: The system was unable to find the specified registry key or value.";
    static final String CANCELED = "The operation was canceled by the user.";

    @ParentCommand
    RegCommand reg;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** reg.exe's arguments, in order; picocli leaves them alone. */
    @Unmatched
    List<String> args = new ArrayList<>();

    PrintWriter out;
    PrintWriter err;

    /** Runs the verb on parsed arguments; returns the exit code. */
    abstract int run(Registry registry) throws RegSyntaxException, IOException;

    /** Parses the arguments; called before the registry is opened so bad syntax changes nothing. */
    abstract void parse(List<String> arguments) throws RegSyntaxException;

    @Override
    public final Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            if (args.stream().anyMatch(a -> a.equals("/?") || a.equals("-?"))) {
                spec.commandLine().usage(out);
                return 0;
            }
            parse(args);
            Registry opened;
            try {
                opened = reg.openRegistry();
            } catch (IllegalArgumentException e) { // an unknown --registry name
                err.println("ERROR: " + e.getMessage());
                return 1;
            }
            try (Registry registry = opened) {
                return run(registry);
            }
        } catch (RegSyntaxException e) {
            err.println("ERROR: Invalid syntax.");
            err.println(e.getMessage());
            err.println("Type \"imelab reg " + spec.name() + " /?\" for usage.");
            return 1;
        } catch (RegistryException e) {
            err.println(e.win32Error() == RegistryException.ERROR_ACCESS_DENIED
                    ? "ERROR: Access is denied. (" + e.getMessage() + ")"
                    : "ERROR: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("ERROR: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Whether a token is a switch: '/' or '-' and a short word. A Unix path such as
     * {@code /tmp/lab.reg} also starts with '/', so anything with a further separator or a dot
     * is an argument, not a switch.
     */
    static boolean isSwitch(String token) {
        if (token.length() < 2 || (token.charAt(0) != '/' && token.charAt(0) != '-')) {
            return false;
        }
        String rest = token.substring(1);
        return rest.indexOf('/') < 0 && rest.indexOf('\\') < 0 && rest.indexOf('.') < 0;
    }

    static String switchName(String token) {
        return token.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The argument after a switch such as /v NAME. */
    static String operand(List<String> arguments, int index, String token) throws RegSyntaxException {
        if (index >= arguments.size()) {
            throw new RegSyntaxException(token + " needs a value.");
        }
        return arguments.get(index);
    }

    /** Parses a key as reg.exe takes it; remote keys (\\host\...) are not supported. */
    static RegPath key(String text, RegistryView view) throws RegSyntaxException {
        if (text.startsWith("\\\\")) {
            throw new RegSyntaxException("Remote registries are not supported: " + text);
        }
        try {
            return RegPath.parse(text, view);
        } catch (IllegalArgumentException e) {
            throw new RegSyntaxException("Invalid key name: " + e.getMessage());
        }
    }

    /** A verb's own switches: takes one (reading its operand through {@code args}) or returns false. */
    interface Switches {
        boolean accept(String name, Arguments args) throws RegSyntaxException;
    }

    /**
     * reg.exe's arguments walked once: plain arguments in order (the key, a file), /reg:32 or
     * /reg:64, and the verb's own {@link Switches}; anything else is a syntax error.
     */
    static final class Arguments {
        private final List<String> tokens;
        private final List<String> plain = new ArrayList<>();
        private final ViewSwitch view = new ViewSwitch();
        private int index;

        private Arguments(List<String> tokens) {
            this.tokens = tokens;
        }

        /** Walks {@code tokens}, taking at most {@code maxPlain} plain arguments. */
        static Arguments walk(List<String> tokens, int maxPlain, Switches switches) throws RegSyntaxException {
            Arguments a = new Arguments(tokens);
            for (; a.index < tokens.size(); a.index++) {
                String t = tokens.get(a.index);
                if (!isSwitch(t)) {
                    if (a.plain.size() == maxPlain) {
                        throw new RegSyntaxException("Unexpected argument: " + t);
                    }
                    a.plain.add(t);
                    continue;
                }
                String name = switchName(t);
                if (!a.view.accept(name) && !switches.accept(name, a)) {
                    throw new RegSyntaxException("Unknown switch " + t + ".");
                }
            }
            return a;
        }

        /** The argument after the current switch, as in /v NAME. */
        String operand() throws RegSyntaxException {
            String token = tokens.get(index);
            return RegVerb.operand(tokens, ++index, token);
        }

        /** The operand of a switch that may be given once; {@code previous} is what an earlier one gave. */
        String operandOnce(String previous) throws RegSyntaxException {
            if (previous != null) {
                throw new RegSyntaxException(tokens.get(index) + " given twice.");
            }
            return operand();
        }

        /** The first plain argument, the key every verb but import needs. */
        String keyName() throws RegSyntaxException {
            if (plain.isEmpty()) {
                throw new RegSyntaxException("A key name is needed.");
            }
            return plain.get(0);
        }

        /** The n-th plain argument, or null when there were fewer. */
        String plain(int n) {
            return n < plain.size() ? plain.get(n) : null;
        }

        /** The view /reg:32 or /reg:64 chose. */
        RegistryView view() {
            return view.view();
        }
    }

    /** Tracks /reg:32 and /reg:64, which exclude each other. */
    static final class ViewSwitch {
        private RegistryView view;

        boolean accept(String name) throws RegSyntaxException {
            RegistryView asked = switch (name) {
                case "reg:32" -> RegistryView.VIEW_32;
                case "reg:64" -> RegistryView.VIEW_64;
                default -> null;
            };
            if (asked == null) {
                return false;
            }
            if (view != null) {
                throw new RegSyntaxException("Give /reg:32 or /reg:64 once.");
            }
            view = asked;
            return true;
        }

        /** The 64-bit view unless /reg:32 was given: the IME's keys live there. */
        RegistryView view() {
            return view == null ? RegistryView.VIEW_64 : view;
        }
    }

    /** Asks a reg.exe-style (Yes/No) question; only an answer starting with y is a yes. */
    boolean confirm(String question) throws IOException {
        out.print(question + " (Yes/No)? ");
        out.flush();
        String answer = reg.readAnswer();
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
