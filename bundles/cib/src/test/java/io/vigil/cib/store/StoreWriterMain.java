package io.vigil.cib.store;

import java.nio.file.Path;

import io.vigil.cib.Fixtures;
import io.vigil.cib.model.CibSnapshot;

/** Child JVM for the durability test: saves versions forever, printing "ACK version" after each durable save. */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        CibStore store = new CibStore(Path.of(args[0]), 3);
        CibSnapshot s = store.load().snapshot().orElse(Fixtures.small());
        while (true) {
            s = s.withVersion(s.version().nextConfiguration());
            store.save(s);
            System.out.println("ACK " + s.version().epoch());
            System.out.flush();
        }
    }
}
