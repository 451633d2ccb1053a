package org.imelab.agent.cli.reg;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.function.Supplier;
import org.imelab.agent.cli.ImelabCommand;
import org.imelab.registry.Registry;
import picocli.CommandLine;

/** Runs {@code imelab ...} in-process and captures what it prints. */
final class RegCli {
    record Result(int exitCode, String out, String err) {
    }

    private RegCli() {
    }

    /** The CLI as shipped: the registry comes from --registry / --home. */
    static Result run(String... args) {
        return execute(new CommandLine(new ImelabCommand()), args);
    }

    /** The CLI on a given registry, with prompts answered from {@code stdin}. */
    static Result on(Supplier<Registry> registry, String stdin, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RegCommand.class) {
                    return cls.cast(new RegCommand(new ByteArrayInputStream(stdin.getBytes(Charset.defaultCharset()))));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        return execute(new CommandLine(new ImelabCommand(home -> registry.get()), factory), args);
    }

    private static Result execute(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Lines joined as println writes them, with the final line break. */
    static String lines(String... lines) {
        String nl = System.lineSeparator();
        return String.join(nl, lines) + nl;
    }
}
