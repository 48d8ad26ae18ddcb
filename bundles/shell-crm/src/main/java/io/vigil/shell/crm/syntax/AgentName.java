package io.vigil.shell.crm.syntax;

/** {@code CLASS:PROVIDER:TYPE}, {@code CLASS:TYPE}, or a bare {@code TYPE} (crmsh reads it as ocf:heartbeat:TYPE). */
record AgentName(String standard, String provider, String type) {

    static AgentName parse(Cursor c, Token t) {
        String[] p = t.text().split(":", -1);
        for (String part : p) {
            if (part.isEmpty()) {
                throw c.fail(t, "agent '" + t.text() + "' has an empty part; write CLASS:PROVIDER:TYPE, e.g. "
                        + "ocf:heartbeat:IPaddr2");
            }
        }
        if (p.length == 1) {
            return new AgentName("ocf", "heartbeat", p[0]);
        }
        if (!CrmParser.CLASSES.contains(p[0])) {
            throw c.fail(t, "unknown agent class '" + p[0] + "' in '" + t.text() + "'"
                    + Suggest.hint(p[0], CrmParser.CLASSES));
        }
        if (p.length == 3 && p[0].equals("ocf")) {
            return new AgentName(p[0], p[1], p[2]);
        }
        if (p.length == 2 && p[0].equals("ocf")) {
            throw c.fail(t, "ocf agent '" + t.text() + "' needs a provider: write ocf:PROVIDER:TYPE, e.g. ocf:heartbeat:"
                    + p[1]);
        }
        if (p.length == 2) {
            return new AgentName(p[0], null, p[1]);
        }
        throw c.fail(t, "agent '" + t.text() + "': only ocf agents have a provider; write " + p[0] + ":TYPE");
    }
}
