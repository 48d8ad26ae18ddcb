package io.vigil.cib.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.cib.Fixtures;

class CibToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CibTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifySeveralFilesPrintsOneSummaryLineEach() throws Exception {
        Path good = Files.writeString(dir.resolve("good.xml"), Fixtures.smallXml());
        Path bad = Files.writeString(dir.resolve("bad.xml"), Fixtures.smallXml().replace("with-rsc=\"ip\"", "with-rsc=\"ipp\""));
        Path unsupported = Files.writeString(dir.resolve("u.xml"), Fixtures.smallXml()
                .replace("<constraints>", "<constraints><rsc_ticket id=\"t1\" rsc=\"ip\" ticket=\"T\"/>"));
        assertEquals(1, run("verify", good.toString(), bad.toString(), unsupported.toString()));
        String o = out();
        assertTrue(o.contains(good + ": ok"), o);
        assertTrue(o.contains(bad + ": errors"), o);
        assertTrue(o.contains("rsc_colocation 'col-web-ip' field 'with-rsc'"), o);
        assertTrue(o.contains(unsupported + ": unsupported: rsc_ticket 't1'"), o);
    }

    @Test
    void convertRoundTripsThroughJson() throws Exception {
        Path xml = Files.writeString(dir.resolve("c.xml"), Fixtures.smallXml());
        assertEquals(0, run("convert", xml.toString(), "--to", "json"));
        Path json = Files.writeString(dir.resolve("c.json"), out());
        out.reset();
        assertEquals(0, run("convert", json.toString(), "--to", "xml"));
        assertTrue(out().startsWith("<cib"), out());
        out.reset();
        assertEquals(0, run("verify", json.toString()));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"version\": [");
        assertEquals(2, run("verify", broken.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.strip().lines().count(), e);
        assertFalse(e.contains("\tat "), e);
        err.reset();
        assertEquals(2, run("convert", dir.resolve("missing.xml").toString(), "--to", "xml"));
        assertEquals(2, run("frobnicate"));
    }
}
