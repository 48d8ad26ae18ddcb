package io.vigil.cib.xml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

import io.vigil.cib.model.AttributeSets;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Constraint;
import io.vigil.cib.model.FencingLevel;
import io.vigil.cib.model.Node;
import io.vigil.cib.model.NvSet;
import io.vigil.cib.model.Resource;
import io.vigil.cib.model.Tag;

/** Reads the configuration section by handing each child to its section reader. */
final class ConfigurationReader {
    private final ImportContext ctx;
    private final NvSetReader sets;

    ConfigurationReader(ImportContext ctx) {
        this.ctx = ctx;
        this.sets = new NvSetReader(ctx);
    }

    Configuration read(Element configuration) {
        List<NvSet> crmConfig = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        AttributeSets rscDefaults = AttributeSets.EMPTY;
        AttributeSets opDefaults = AttributeSets.EMPTY;
        List<FencingLevel> topology = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        for (Element e : Dom.children(configuration)) {
            switch (e.getTagName()) {
                case "crm_config" -> crmConfig.addAll(setsOf(e, "crm_config").sets());
                case "nodes" -> nodes.addAll(new NodeReader(ctx).readSection(e));
                case "resources" -> resources.addAll(new ResourceReader(ctx).readSection(e));
                case "constraints" -> constraints.addAll(new ConstraintReader(ctx).readSection(e));
                case "rsc_defaults" -> rscDefaults = setsOf(e, "rsc_defaults");
                case "op_defaults" -> opDefaults = setsOf(e, "op_defaults");
                case "fencing-topology" -> topology.addAll(new FencingTopologyReader(ctx).readSection(e));
                case "tags" -> tags.addAll(new TagReader(ctx).readSection(e));
                case "acls" -> unsupportedUnlessEmpty(e, "access control lists are not supported");
                case "alerts" -> unsupportedUnlessEmpty(e, "alerts are not supported");
                default -> ctx.unsupportedElement(e, "configuration", "unknown configuration section");
            }
        }
        return new Configuration(crmConfig, nodes, resources, constraints, rscDefaults, opDefaults, topology, tags,
                ImportContext.canonical(ctx.configUnsupported));
    }

    /** An empty acls/alerts element says nothing, so only one with content is reported. */
    private void unsupportedUnlessEmpty(Element e, String reason) {
        if (!Dom.children(e).isEmpty()) {
            ctx.unsupportedElement(e, "configuration", reason);
        }
    }

    private AttributeSets setsOf(Element parent, String section) {
        List<Element> elements = new ArrayList<>();
        for (Element e : Dom.children(parent)) {
            if (e.getTagName().endsWith("_attributes") || e.getTagName().equals("cluster_property_set")) {
                elements.add(e);
            } else {
                ctx.unsupportedElement(e, section, "unexpected element in " + parent.getTagName());
            }
        }
        return sets.readAll(elements, section);
    }
}
