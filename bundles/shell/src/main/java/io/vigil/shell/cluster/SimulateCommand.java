package io.vigil.shell.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.vigil.cib.json.CibJson;
import io.vigil.cib.manager.api.CibService;
import io.vigil.scheduler.tool.Simulate;
import io.vigil.shell.command.ShellCommand;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code simulate [FILE] [OPTIONS]} (also {@code crm_simulate}): what the scheduler would do, like
 * {@code crm_simulate -S} — on a CIB file, or without one on the live CIB (crm_simulate -L). Changes nothing.
 */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=simulate",
    "osgi.command.function=crm_simulate"})
public class SimulateCommand extends ShellCommand {

    private final CibService cib;

    @Activate
    public SimulateCommand(@Reference CibService cib) {
        this.cib = cib;
    }

    @Override
    protected String run(List<String> args) throws Exception {
        List<String> a = new ArrayList<>(args);
        a.remove("-L");
        a.remove("--live-check");
        a.remove("-S");
        Path live = null;
        try {
            if (a.isEmpty() || a.get(0).startsWith("-")) {
                live = Files.createTempFile("vigil-live-cib", ".json");
                Files.writeString(live, CibJson.write(cib.current()));
                a.add(0, live.toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = Simulate.run(a.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalArgumentException(err.toString(StandardCharsets.UTF_8).strip());
            }
            return out.toString(StandardCharsets.UTF_8).stripTrailing();
        } finally {
            if (live != null) {
                Files.deleteIfExists(live);
            }
        }
    }

    @Override
    protected String usage() {
        return "simulate [FILE] [--show-scores] [--node-fail NODE] [--op-inject RSC_OP_MS@NODE=RC] [--date ISO8601] "
                + "[--explain RSC] [--output-as json]\n  What the scheduler would do (the live CIB without FILE).";
    }
}
