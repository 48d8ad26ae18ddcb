package io.vigil.shell.crm.gogo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.api.agent.ActionSpec;
import io.vigil.api.agent.AgentAction;
import io.vigil.api.agent.AgentId;
import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.CibValidationException;
import io.vigil.cib.Problem;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.change.CibConflictException;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.validate.Validator;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.manager.api.RegistryCatalog;
import io.vigil.shell.crm.command.ConfigureCommand;
import io.vigil.shell.crm.syntax.OutputOption.Format;
import io.vigil.shell.crm.syntax.Suggest;
import io.vigil.shell.crm.translate.AgentDefaults;
import io.vigil.shell.crm.translate.ConfigureSession;
import io.vigil.shell.crm.translate.CrmConfigException;
import io.vigil.shell.crm.translate.ScriptReader;

/** What the crm commands share at run time: the CIB, the installed agents, and committing a session. */
final class CrmRuntime {

    private static final long COMMIT_TIMEOUT_S = 30;

    final CibService cib;
    final AgentRegistry agents;

    CrmRuntime(CibService cib, AgentRegistry agents) {
        this.cib = cib;
        this.agents = agents;
    }

    ConfigureSession newSession(boolean replace) {
        return new ConfigureSession(cib.current(), this::monitorInterval, new RegistryCatalog(agents), replace);
    }

    /** Commits the session's changes against the version it was built on; a conflict or rejection changes nothing. */
    String commit(ConfigureSession s) throws InterruptedException {
        if (s.isEmpty()) {
            return "nothing to commit";
        }
        return apply(s.base(), s.changes(), "committed " + s.changes().size() + " change(s)");
    }

    String apply(CibSnapshot base, List<CibChange> changes, String done) throws InterruptedException {
        try {
            CibSnapshot after = cib.apply(base.version(), changes).toCompletableFuture().get(COMMIT_TIMEOUT_S,
                    TimeUnit.SECONDS);
            return done + " (epoch " + after.version().epoch() + ")";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CibValidationException v) {
                throw new CrmConfigException("rejected, nothing changed:\n" + ConfigureSession.describe(
                        v.problems().stream().filter(Problem::isError).toList()));
            }
            if (cause instanceof CibConflictException) {
                throw new CrmConfigException("the CIB changed while this was prepared (someone else committed);"
                        + " nothing changed: run the command again");
            }
            if (cause instanceof TimeoutException) {
                throw new CrmConfigException("the CIB did not confirm the change: " + cause.getMessage()
                        + "; it may still be applied: check with 'crm configure show' before retrying");
            }
            throw new CrmConfigException("commit failed, nothing changed: " + cause);
        } catch (TimeoutException e) {
            throw new CrmConfigException("no answer from the CIB within " + COMMIT_TIMEOUT_S
                    + "s (is the cluster quorate and the node a member?); the change may still be applied: check"
                    + " with 'crm configure show'");
        }
    }

    String show(CibSnapshot s, List<String> ids, Format format) {
        for (String id : ids) {
            if (!s.configuration().allResources().containsKey(id) && s.configuration().constraints().stream()
                    .noneMatch(k -> k.id().equals(id)) && !id.equals("cib-bootstrap-options")) {
                List<String> all = new java.util.ArrayList<>(s.configuration().allResources().keySet());
                s.configuration().constraints().forEach(k -> all.add(k.id()));
                throw new CrmConfigException("nothing named '" + id + "' in the configuration" + Suggest.nearest(id,
                        all).map(x -> " — did you mean '" + x + "'?").orElse(""));
            }
        }
        return Output.configuration(s.configuration(), ids, format);
    }

    String verify(CibSnapshot s) {
        List<Problem> problems = Validator.forChanges(new RegistryCatalog(agents)).validate(s);
        if (problems.isEmpty()) {
            return "configuration is valid";
        }
        String text = ConfigureSession.describe(problems);
        if (Validator.hasErrors(problems)) {
            throw new CrmConfigException(text);
        }
        return text;
    }

    /** Loads a script file into a fresh session (load update: existing ids are replaced) and commits it. */
    String runScript(String file, boolean replace) throws InterruptedException {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new CrmConfigException("cannot read script '" + file + "': " + e.getMessage()
                    + " (give a path readable by the node)");
        }
        List<ConfigureCommand> cmds = ScriptReader.read(text);
        ConfigureSession s = newSession(replace);
        int n = 0;
        for (ConfigureCommand c : cmds) {
            n++;
            try {
                s.add(c);
            } catch (IllegalArgumentException e) {
                throw new CrmConfigException(file + ": command " + n + " (" + c.getClass().getSimpleName()
                        .toLowerCase() + "): " + e.getMessage() + "\nnothing changed");
            }
        }
        return commit(s);
    }

    Optional<String> monitorInterval(String standard, String provider, String type) {
        try {
            return agents.metadata(new AgentId(standard, provider, type)).flatMap(md -> md.actions().stream()
                    .filter(a -> a.action() == AgentAction.MONITOR && !a.interval().isZero()).findFirst())
                    .map(ActionSpec::interval).map(d -> d.toSeconds() + "s");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    AgentDefaults defaults() {
        return this::monitorInterval;
    }
}
