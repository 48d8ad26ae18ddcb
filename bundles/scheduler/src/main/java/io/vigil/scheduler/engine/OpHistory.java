package io.vigil.scheduler.engine;

import io.vigil.cib.model.FailCount;

import java.util.List;
import java.util.Map;

/** Derives a primitive's role and failure handling on one node from its operation history (unpack_rsc_op). */
final class OpHistory {
    private OpHistory() {
    }

    static int targetRc(Op op) {
        return op.targetRc();
    }

    static int rank(String onFail) {
        return switch (onFail) {
            case "ignore" -> 0;
            case "demote" -> 1;
            case "restart" -> 2;
            case "migrate" -> 3;
            case "block" -> 4;
            case "stop" -> 5;
            case "standby" -> 6;
            case "fence" -> 7;
            default -> 2;
        };
    }

    private static final class State {
        Role role = Role.UNKNOWN;
        String onFail = "ignore";
        Op lastFailure;
    }

    static void unpack(Engine ctx, PrimitiveRsc p, SNode node, List<Op> ops) {
        Role saved = p.role;
        State st = new State();
        for (Op op : ops) {
            String task = op.operation();
            if (task == null || "notify".equals(task) || "meta-data".equals(task)) {
                continue;
            }
            if ("monitor".equals(task) && op.intervalMs() > 0) {
                p.activeMonitors.add(op.intervalMs() + "@" + node.name);
            }
            one(ctx, p, node, op, st);
        }
        p.role = st.role;
        processState(ctx, p, node, st.onFail);
        if (saved.above(p.role)) {
            p.role = saved;
        }
        Role target = StatusUnpacker.targetRole(p);
        if (target != Role.UNKNOWN && (p.nextRole == Role.UNKNOWN || target.below(p.nextRole))) {
            p.nextRole = target;
        }
        Digests.check(p, node, ops);
    }

    private static void setActive(PrimitiveRsc p, State st) {
        st.role = p.inPromotable() ? Role.UNPROMOTED : Role.STARTED;
    }

    private static void one(Engine ctx, PrimitiveRsc p, SNode node, Op op, State st) {
        String task = op.operation();
        int rc = op.rcCode();
        int status = op.opStatus();
        long interval = op.intervalMs();
        int target = targetRc(op);
        boolean probe = "monitor".equals(task) && interval == 0;
        boolean expired = expired(ctx, p, node, op, rc, target, probe);
        if ("monitor".equals(task)) {
            if (rc == 190) {
                rc = 0;
            } else if (rc == 191) {
                rc = 8;
            }
        }
        if (status == -1) {
            // pending
            if ("start".equals(task)) {
                p.startPending = true;
                setActive(p, st);
            } else if ("promote".equals(task)) {
                st.role = Role.PROMOTED;
            }
            return;
        }
        // remap the execution status from the result
        String kind; // done, error, hard, fatal
        if (status != 0 && status != 4) {
            kind = status == 7 || status == 8 ? "hard" : "error";
            if (status == 1) {
                return;
            }
        } else {
            kind = "done";
            if (target < 0 || target != rc) {
                kind = "error";
            }
            switch (rc) {
                case 0 -> {
                    if (probe && target == 7) {
                        kind = "done";
                    }
                }
                case 7 -> {
                    if (probe || target == rc || !p.managed) {
                        kind = "done";
                        st.role = Role.STOPPED;
                        p.nextRole = Role.UNKNOWN;
                    }
                }
                case 8 -> {
                    if (probe && rc != target) {
                        kind = "done";
                    }
                    st.role = Role.PROMOTED;
                }
                case 9 -> {
                    st.role = Role.PROMOTED;
                    kind = "error";
                }
                case 6 -> kind = "fatal";
                case 3 -> {
                    if (interval == 0) {
                        checkRecoverable(ctx, p, node, task);
                        kind = "hard";
                    } else {
                        kind = "error";
                    }
                }
                case 5, 2, 4 -> {
                    checkRecoverable(ctx, p, node, task);
                    kind = "hard";
                }
                default -> {
                    if (kind.equals("done") && rc != target) {
                        kind = "error";
                    }
                }
            }
        }
        if (expired && rc != target) {
            return;
        }
        if (kind.equals("done")) {
            updateState(p, task, rc, op, st);
            return;
        }
        String policy = p.onFail(probe ? "monitor" : task, interval);
        if (policy.equals("ignore")) {
            updateState(p, task, target, op, st);
            p.failureIgnored = true;
            return;
        }
        failure(ctx, p, node, op, task, rc, probe, policy, st);
        Rsc banTarget = anonymousParent(p);
        if (kind.equals("hard")) {
            banTarget.addLocation(node, -Scores.INF);
        } else if (kind.equals("fatal")) {
            banTarget.addLocation(null, -Scores.INF);
        }
    }

    static Rsc anonymousParent(PrimitiveRsc p) {
        Rsc t = p.top();
        if (t instanceof CloneRsc c && !c.unique) {
            return c;
        }
        return p;
    }

    private static void checkRecoverable(Engine ctx, PrimitiveRsc p, SNode node, String task) {
        if (!"stop".equals(task)) {
            return;
        }
        if (ctx.canFence(node)) {
            return;
        }
        p.managed = false;
        p.block = true;
    }

    private static void updateState(PrimitiveRsc p, String task, int rc, Op op, State st) {
        boolean clear = false;
        if (rc == 5) {
            st.role = Role.STOPPED;
        } else if (rc == 7) {
            clear = true;
        } else if ("monitor".equals(task)) {
            if (st.lastFailure != null && key(st.lastFailure).equals(key(op))) {
                clear = true;
            }
            if (st.role.below(Role.STARTED)) {
                setActive(p, st);
            }
        } else if ("start".equals(task)) {
            st.role = Role.STARTED;
            clear = true;
        } else if ("stop".equals(task)) {
            st.role = Role.STOPPED;
            clear = true;
        } else if ("promote".equals(task)) {
            st.role = Role.PROMOTED;
            clear = true;
        } else if ("demote".equals(task)) {
            if ("demote".equals(st.onFail)) {
                clear = true;
            }
            st.role = Role.UNPROMOTED;
        } else if ("migrate_from".equals(task)) {
            st.role = Role.STARTED;
            clear = true;
        } else if ("migrate_to".equals(task)) {
            if (st.role.below(Role.STARTED)) {
                setActive(p, st);
            }
        } else if (st.role.below(Role.STARTED)) {
            setActive(p, st);
        }
        if (clear) {
            switch (st.onFail) {
                case "block", "ignore", "demote", "restart" -> {
                    st.onFail = "ignore";
                    p.nextRole = Role.UNKNOWN;
                }
                default -> {
                }
            }
        }
    }

    private static String key(Op op) {
        return op.operation() + "_" + op.intervalMs();
    }

    private static void failure(Engine ctx, PrimitiveRsc p, SNode node, Op op, String task, int rc,
                                boolean probe, String policy, State st) {
        if (rank(st.onFail) < rank(policy)) {
            st.onFail = policy;
        }
        st.lastFailure = op;
        if ("stop".equals(task)) {
            p.addLocation(node, -Scores.INF);
        } else if ("promote".equals(task)) {
            st.role = Role.PROMOTED;
        } else if ("demote".equals(task)) {
            if ("block".equals(policy)) {
                st.role = Role.PROMOTED;
                p.nextRole = Role.STOPPED;
            } else if (rc == 7) {
                st.role = Role.STOPPED;
            } else {
                st.role = Role.UNPROMOTED;
            }
        }
        if (probe && rc == 5) {
            st.role = Role.STOPPED;
        } else if (st.role.below(Role.STARTED)) {
            setActive(p, st);
        }
        Role failRole = "stop".equals(policy) ? Role.STOPPED : "promote".equals(task) ? Role.UNPROMOTED : Role.STARTED;
        if (failRole != Role.STARTED && p.nextRole.below(failRole)) {
            p.nextRole = failRole;
        }
        if (failRole == Role.STOPPED) {
            Rsc t = anonymousParent(p);
            t.allowed.fillAll(-Scores.INF);
            if (t != p) {
                for (PrimitiveRsc x : t.primitives()) {
                    x.allowed.fillAll(-Scores.INF);
                }
            }
        }
    }

    /** check_operation_expiry: failure-timeout elapsed and no unexpired fail count. */
    private static boolean expired(Engine ctx, PrimitiveRsc p, SNode node, Op op, int rc, int target,
                                   boolean probe) {
        if (p.failureTimeoutMs <= 0) {
            return false;
        }
        long lastRun = op.lastRcChange();
        if (lastRun == 0) {
            return false;
        }
        boolean expired = ctx.nowSec >= lastRun + p.failureTimeoutMs / 1000;
        if (!expired) {
            return false;
        }
        if (failCount(ctx, p, node, true) > 0) {
            // old operation but an unexpired fail count: keep it
            if (failCount(ctx, p, node, false) > 0) {
                return false;
            }
        }
        if (probe && (rc == 0 || rc == 7 || rc == 8 || rc == 190 || rc == 191)) {
            return false;
        }
        return true;
    }

    /**
     * The fail count of a primitive on a node (sum over its operations); with {@code includeExpired} false,
     * a count whose last failure is older than failure-timeout counts as 0.
     */
    static int failCount(Engine ctx, PrimitiveRsc p, SNode node, boolean includeExpired) {
        Map<String, long[]> counts = node.failCounts(ctx.legacyFailCounts());
        long[] a = counts.get(p.baseId());
        long[] b = p.id.equals(p.baseId()) ? null : counts.get(p.id);
        if (a == null && b == null) {
            return 0;
        }
        int total = Scores.add(a == null ? 0 : (int) a[0], b == null ? 0 : (int) b[0]);
        long lastFailure = Math.max(a == null ? 0 : a[1], b == null ? 0 : b[1]);
        if (!includeExpired && total > 0 && p.failureTimeoutMs > 0 && lastFailure > 0
                && ctx.nowSec > lastFailure + p.failureTimeoutMs / 1000) {
            return 0;
        }
        return total;
    }

    /** Parses a node's fail-count and last-failure attributes: resource name -> {count, last failure}. */
    static Map<String, long[]> parseFailCounts(Map<String, String> attrs, boolean legacy) {
        Map<String, long[]> out = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith("fail-count-") && !k.startsWith("last-failure-")) {
                continue;
            }
            // CIBs from feature set 3.0.13 on count failures per operation (fail-count-rsc#op_interval); older
            // ones per resource: only the matching form counts
            if (legacy == (k.indexOf('#') >= 0)) {
                continue;
            }
            var fc = FailCount.parse(FailCount.FAIL_COUNT, k, e.getValue());
            if (fc.isPresent()) {
                long[] v = out.computeIfAbsent(fc.get().resource(), x -> new long[2]);
                v[0] = Scores.add((int) v[0], fc.get().count().value());
            }
            var lf = FailCount.parse(FailCount.LAST_FAILURE, k, e.getValue());
            if (lf.isPresent()) {
                long[] v = out.computeIfAbsent(lf.get().resource(), x -> new long[2]);
                try {
                    v[1] = Math.max(v[1], Long.parseLong(lf.get().value().trim()));
                } catch (NumberFormatException ignored) {
                    // not a timestamp
                }
            }
        }
        return out;
    }

    /** process_rsc_state: fencing, on-fail handling and "running on". */
    private static void processState(Engine ctx, PrimitiveRsc p, SNode node, String onFail) {
        if (p.role != Role.UNKNOWN) {
            p.knownOn.add(node);
            Rsc t = anonymousParent(p);
            t.knownOn.add(node);
        }
        if (p.role.above(Role.STOPPED) && !node.online && !node.maintenance && p.managed && ctx.stonithEnabled) {
            NodeOnline.fence(node, p.id + " is thought to be active there");
        }
        String saved = onFail;
        if (node.unclean) {
            onFail = "ignore";
        }
        switch (onFail) {
            case "demote" -> p.failed = true;
            case "fence" -> NodeOnline.fence(node, p.id + " failed there");
            case "standby" -> {
                node.standby = true;
                node.standbyOnFail = true;
            }
            case "block" -> {
                p.managed = false;
                p.block = true;
            }
            case "migrate" -> p.addLocation(node, -Scores.INF);
            case "stop" -> p.nextRole = Role.STOPPED;
            default -> {
            }
        }
        if (p.role != Role.STOPPED && p.role != Role.UNKNOWN) {
            if (!p.runningOn.contains(node)) {
                p.runningOn.add(node);
                // native_add_running: a resource on a maintenance node is unmanaged, and an unmanaged resource
                // stays where it is
                if (node.maintenance) {
                    p.managed = false;
                }
                if (!p.managed) {
                    p.addLocation(node, Scores.INF);
                }
            }
            switch (onFail) {
                case "ignore" -> {
                }
                case "demote", "block" -> p.failed = true;
                default -> {
                    p.failed = true;
                    p.stopFlag = true;
                }
            }
        }
        if (!"ignore".equals(saved) && p.runningOn.contains(node) && node.unclean) {
            p.failed = p.failed || false;
        }
    }
}
