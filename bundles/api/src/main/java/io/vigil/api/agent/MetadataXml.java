package io.vigil.api.agent;

/** Renders {@link AgentMetadata} as an OCF 1.1 {@code resource-agent} meta-data document. */
final class MetadataXml {

    private MetadataXml() {
    }

    static String render(AgentMetadata md) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<?xml version=\"1.0\"?>\n");
        // ocf-tester and Pacemaker's tools expect the OCF document type
        b.append("<!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\">\n");
        b.append("<resource-agent name=\"").append(escape(md.name())).append("\" version=\"")
                .append(escape(md.version())).append("\">\n");
        b.append("  <version>1.1</version>\n");
        b.append("  <longdesc lang=\"en\">").append(escape(md.longDescription())).append("</longdesc>\n");
        b.append("  <shortdesc lang=\"en\">").append(escape(md.shortDescription())).append("</shortdesc>\n");
        b.append("  <parameters>\n");
        for (ParameterSpec p : md.parameters()) {
            b.append("    <parameter name=\"").append(escape(p.name())).append('"');
            b.append(" required=\"").append(p.required() ? 1 : 0).append('"');
            b.append(" unique=\"").append(p.unique() ? 1 : 0).append("\">\n");
            b.append("      <longdesc lang=\"en\">").append(escape(p.longDescription())).append("</longdesc>\n");
            b.append("      <shortdesc lang=\"en\">").append(escape(p.shortDescription())).append("</shortdesc>\n");
            b.append("      <content type=\"").append(escape(p.type())).append('"');
            if (p.defaultValue() != null) {
                b.append(" default=\"").append(escape(p.defaultValue())).append('"');
            }
            b.append("/>\n");
            b.append("    </parameter>\n");
        }
        b.append("  </parameters>\n");
        b.append("  <actions>\n");
        for (ActionSpec a : md.actions()) {
            b.append("    <action name=\"").append(a.action().ocfName()).append("\" timeout=\"")
                    .append(a.timeout().toSeconds()).append("s\"");
            if (!a.interval().isZero()) {
                b.append(" interval=\"").append(a.interval().toSeconds()).append("s\"");
            }
            if (a.depth() != 0) {
                b.append(" depth=\"").append(a.depth()).append('"');
            }
            if (a.role() != null) {
                b.append(" role=\"").append(escape(a.role())).append('"');
            }
            b.append("/>\n");
        }
        b.append("  </actions>\n");
        b.append("</resource-agent>\n");
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
