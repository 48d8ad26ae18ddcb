package io.vigil.shell.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which words the command port quotes before Gogo reads an administration line. */
class AdminLinesTest {

    @Test
    void quotesHashAndParenthesesOfAdministrationCommandsOnly() {
        assertEquals("pcs constraint location vip rule '#uname' eq n1 and '(' defined a ')'",
                AdminLines.protect("pcs constraint location vip rule #uname eq n1 and ( defined a )"));
        assertEquals("crm configure location l1 vip rule -inf: '#uname' ne n1",
                AdminLines.protect("crm configure location l1 vip rule -inf: #uname ne n1"));
        assertEquals("pcs x \"#uname\" '(a)'", AdminLines.protect("pcs x \"#uname\" '(a)'"),
                "already quoted words are left as typed");
        assertEquals("echo (a) # comment", AdminLines.protect("echo (a) # comment"),
                "other commands keep Gogo's syntax");
        assertEquals("  status --output-as json", AdminLines.protect("  status --output-as json"));
    }
}
