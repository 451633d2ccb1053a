package org.imelab.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the {@code intunemanagementextension://} protocol handler launches: hands the URL's verb
 * to the running daemon and exits. A URL that is not exactly a known moniker is refused and
 * nothing is sent.
 */
@Command(name = "moniker",
        description = {"Hand an intunemanagementextension:// URL to the running agent and exit.",
            "Accepted: intunemanagementextension://syncapp and intunemanagementextension://synccompliance.",
            "Exit codes: 0 handed over, 2 refused (nothing ran), 3 the agent is not running, 1 other failure."})
public final class MonikerCommand implements Callable<Integer> {

    @ParentCommand
    ImelabCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The URL, e.g. intunemanagementextension://syncapp")
    String url;

    @Override
    public Integer call() {
        return MonikerHandOver.handOver(parent.dataHome(), url, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
