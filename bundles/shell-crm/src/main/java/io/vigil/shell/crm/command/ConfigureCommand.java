package io.vigil.shell.crm.command;

import java.util.List;
import java.util.Map;

import io.vigil.cib.model.Score;

/**
 * A parsed {@code crm configure} command, before it meets the CIB. Maps keep the order the administrator typed.
 * Roles and actions are kept as typed (already checked against Pacemaker's vocabulary).
 */
public sealed interface ConfigureCommand extends CrmCommand {

    /** {@code primitive ID CLASS[:PROVIDER]:TYPE [params …] [meta …] [utilization …] [op NAME …]…}. */
    record Primitive(String id, String standard, String provider, String type, String description,
                     Map<String, String> params, Map<String, String> meta, Map<String, String> utilization,
                     List<Op> ops) implements ConfigureCommand {
        public Primitive {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
            meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
            utilization = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(utilization));
            ops = List.copyOf(ops);
        }
    }

    /** One {@code op NAME attr=value …} of a primitive. */
    record Op(String name, Map<String, String> attributes) {
        public Op {
            attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        }
    }

    /** {@code group ID RSC… [params …] [meta …]}. */
    record Group(String id, List<String> members, String description, Map<String, String> params,
                 Map<String, String> meta) implements ConfigureCommand {
        public Group {
            members = List.copyOf(members);
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
            meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        }
    }

    /** {@code clone ID RSC …} or, with {@code promotable}, {@code ms ID RSC …}. */
    record Clone(String id, String child, boolean promotable, String description, Map<String, String> params,
                 Map<String, String> meta) implements ConfigureCommand {
        public Clone {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
            meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        }
    }

    /** {@code location ID RSC [role=ROLE] SCORE: NODE} or {@code location ID RSC rule …}. */
    record Location(String id, String rsc, String role, Score score, String node, List<RuleSpec> rules,
                    String resourceDiscovery) implements ConfigureCommand {
        public Location {
            rules = List.copyOf(rules);
        }
    }

    /** {@code rule [$id=ID] [$role=ROLE] SCORE|ATTRIBUTE: EXPRESSION [and|or EXPRESSION]…}. */
    record RuleSpec(String id, String role, Score score, String scoreAttribute, String booleanOp,
                    List<Condition> conditions) {
        public RuleSpec {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code defined ATTR}, {@code not_defined ATTR} (value null) or {@code ATTR [TYPE:]OP VALUE}. */
    record Condition(String attribute, String operation, String value, String type) {
    }

    /** {@code colocation ID SCORE: RSC[:ROLE] WITH-RSC[:ROLE] [node-attribute=…]}: RSC is placed with WITH-RSC. */
    record Colocation(String id, Score score, String rsc, String rscRole, String withRsc, String withRscRole,
                      String nodeAttribute) implements ConfigureCommand {
    }

    /**
     * {@code colocation ID SCORE: A[:ROLE] B[:ROLE] C[:ROLE]…}: more than two resources, each placed with the one after
     * it (as with two). One role for all (a resource set has one role).
     */
    record ColocationSet(String id, Score score, List<String> resources, String role, String nodeAttribute)
            implements ConfigureCommand {
        public ColocationSet {
            resources = List.copyOf(resources);
        }
    }

    /** {@code order ID [KIND:|SCORE:] A[:ACTION] B[:ACTION] C[:ACTION]…}: a chain, one action for all. */
    record OrderSet(String id, String kind, Score score, List<String> resources, String action, String symmetrical)
            implements ConfigureCommand {
        public OrderSet {
            resources = List.copyOf(resources);
        }
    }

    /** {@code order ID [KIND:|SCORE:] FIRST[:ACTION] THEN[:ACTION] [symmetrical=BOOL]}. */
    record Order(String id, String kind, Score score, String first, String firstAction, String then,
                 String thenAction, String symmetrical) implements ConfigureCommand {
    }

    /** Which section a {@link NameValues} command edits. */
    enum Section { PROPERTY, RSC_DEFAULTS, OP_DEFAULTS }

    /** {@code property|rsc_defaults|op_defaults [$id=ID] NAME=VALUE…}. */
    record NameValues(Section section, String setId, Map<String, String> values) implements ConfigureCommand {
        public NameValues {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /** {@code show [xml] [ID…]}: crm syntax, or the CIB's XML with {@code xml}. */
    record Show(List<String> ids, boolean xml) implements ConfigureCommand {
        public Show {
            ids = List.copyOf(ids);
        }
    }

    /** {@code delete ID…}. */
    record Delete(List<String> ids) implements ConfigureCommand {
        public Delete {
            ids = List.copyOf(ids);
        }
    }

    /** {@code verify}. */
    record Verify() implements ConfigureCommand {
    }

    /** {@code commit}: applies the pending commands of a session. */
    record Commit() implements ConfigureCommand {
    }

    /** {@code load update|replace FILE}. */
    record Load(String method, String file) implements ConfigureCommand {
    }

    /** {@code crm configure} alone: opens a multi-line session. */
    record OpenSession() implements ConfigureCommand {
    }
}
