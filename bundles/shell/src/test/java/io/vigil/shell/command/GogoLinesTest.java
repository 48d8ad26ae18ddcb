package io.vigil.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a command receives when an administrator types a line into the real Gogo runtime (the command port's
 * shell): the seeds' words must arrive as typed, so the parsers see what pcs and crm_mon would see.
 */
class GogoLinesTest {

    /** A command that answers with the words it received, one per line. */
    static final class Echo extends ShellCommand {
        @Override
        protected String run(List<String> args) {
            return String.join("\n", args);
        }

        @Override
        protected String usage() {
            return "echo usage";
        }
    }

    private ThreadIOImpl threadIo;
    private CommandSession session;

    @BeforeEach
    void gogo() {
        threadIo = new ThreadIOImpl();
        threadIo.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
        Echo echo = new Echo();
        for (String name : List.of("pcs", "crm_mon", "crm_resource", "crm_attribute", "crm_verify")) {
            processor.addCommand("vigil", echo, name);
        }
        session = processor.createSession(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void close() {
        session.close();
        threadIo.stop();
    }

    private List<String> words(String line) throws Exception {
        return List.of(String.valueOf(session.execute(line)).split("\n"));
    }

    @Test
    void seedLinesArriveAsTyped() throws Exception {
        assertEquals(List.of("resource", "create", "vm_repository", "ocf:heartbeat:Filesystem",
                "device=10.60.1.72:/opt/vm_repository", "directory=/opt/vm_repository", "fstype=nfs",
                "options=defaults"), words("pcs resource create vm_repository ocf:heartbeat:Filesystem "
                        + "device=10.60.1.72:/opt/vm_repository directory=/opt/vm_repository fstype=nfs "
                        + "options=defaults"));
        assertEquals(List.of("constraint", "colocation", "add", "abiquo_rs", "with", "ping-clone", "score=INFINITY"),
                words("pcs constraint colocation add abiquo_rs with ping-clone score=INFINITY"));
        assertEquals(List.of("constraint", "location", "vip", "rule", "score=-INFINITY", "not_defined", "pingd",
                "or", "pingd", "lte", "0"),
                words("pcs constraint location vip rule score=-INFINITY not_defined pingd or pingd lte 0"));
        assertEquals(List.of("-1"), words("crm_mon -1"));
        assertEquals(List.of("--locate", "-r", "vip", "--output-as=xml"),
                words("crm_resource --locate -r vip --output-as=xml"));
        assertEquals(List.of("-N", "n2", "-n", "pingd", "-v", "1000", "-l", "reboot"),
                words("crm_attribute -N n2 -n pingd -v 1000 -l reboot"));
    }

    @Test
    void gogoTakesHashAndParenthesesForItself() throws Exception {
        // why the command port quotes such words for the administration commands (AdminLines)
        assertEquals(List.of("constraint", "location", "vip", "rule"),
                words("pcs constraint location vip rule #uname eq n1"));
        assertEquals(List.of("constraint", "location", "vip", "rule", "#uname", "eq", "n1", "and", "(", "defined",
                "a", ")"), words(io.vigil.shell.port.AdminLines.protect(
                        "pcs constraint location vip rule #uname eq n1 and ( defined a )")));
    }

    @Test
    void helpOfEveryCommand() throws Exception {
        assertEquals(List.of("echo usage"), words("pcs --help"));
    }
}
