package io.vigil.cib.manager.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.cib.change.CibChange;
import io.vigil.cib.json.CibJson;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.model.CibSnapshot;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo command {@code cib} (scope vigil): {@code cib show} prints the current snapshot as JSON, {@code cib version}
 * its version ({@code admin_epoch.epoch.num_updates}). {@code cib set-property NAME VALUE} and
 * {@code cib unset-property NAME} change a cluster option through {@link CibService#apply} and print the version
 * that includes the change once it is committed; a rejected change fails with the validation message.
 *
 * <p>Registered as a Gogo {@link Function} (like the shell bundle's commands) so that the subcommands can carry
 * hyphenated names.
 */
@Component(service = Function.class, property = {"osgi.command.scope=vigil", "osgi.command.function=cib"})
public final class CibCommand implements Function {

    /** Longer than the CIB manager's own commit timeout, so its message is the one shown. */
    private static final long WAIT_SECONDS = 40;

    static final String USAGE = "usage: cib show | cib version | cib set-property NAME VALUE | cib unset-property NAME\n"
            + "  show            the current CIB as JSON\n"
            + "  version         the current CIB version (admin_epoch.epoch.num_updates)\n"
            + "  set-property    sets a cluster option (crm_config) cluster-wide; prints the committed version\n"
            + "  unset-property  removes a cluster option cluster-wide; prints the committed version";

    private final CibService cib;

    @Activate
    public CibCommand(@Reference CibService cib) {
        this.cib = cib;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> args = new ArrayList<>(arguments.size());
        for (Object a : arguments) {
            args.add(String.valueOf(a));
        }
        return run(args);
    }

    String run(List<String> args) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            return USAGE;
        }
        String sub = args.get(0);
        switch (sub) {
            case "show" -> {
                arity(args, 1);
                return CibJson.write(cib.current());
            }
            case "version" -> {
                arity(args, 1);
                return cib.current().version().toString();
            }
            case "set-property" -> {
                arity(args, 3);
                return commit(new CibChange.SetProperty(args.get(1), args.get(2)));
            }
            case "unset-property" -> {
                arity(args, 2);
                return commit(new CibChange.UnsetProperty(args.get(1)));
            }
            default -> throw new IllegalArgumentException("unknown cib subcommand '" + sub + "'\n" + USAGE);
        }
    }

    private static void arity(List<String> args, int n) {
        if (args.size() != n) {
            throw new IllegalArgumentException("cib " + args.get(0) + ": expected " + (n - 1) + " argument"
                    + (n == 2 ? "" : "s") + ", got " + (args.size() - 1) + "\n" + USAGE);
        }
    }

    private String commit(CibChange change) throws InterruptedException {
        try {
            CibSnapshot after = cib.apply(List.of(change)).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return after.version().toString();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new IllegalStateException("CIB change refused: " + msg, cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("CIB change not committed within " + WAIT_SECONDS + " s", e);
        }
    }
}
