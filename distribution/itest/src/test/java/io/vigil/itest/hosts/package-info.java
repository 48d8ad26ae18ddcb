/**
 * Namespaced test hosts for process-level tests, benchmarks and the fault-injection harness: real
 * {@code bin/vigil node} JVMs, each in its own network, mount, UTS and (by default) PID namespace, joined through a
 * bridge in a "switch" namespace; nothing is added to the root namespace (TESTBED.md).
 *
 * <ul>
 * <li>{@link io.vigil.itest.hosts.HostCluster}: builds the network and N hosts, starts them, answers what the
 * cluster says (status JSON) and what the hosts themselves say (Dummy state files); cleans up everything on
 * {@code close()}, in a shutdown hook, and, for runs killed before that, on the next run.</li>
 * <li>{@link io.vigil.itest.hosts.TestHost}: one host; faults {@code powerOff}, {@code crashNode}, {@code freeze}/
 * {@code thaw}, {@code cutLink}/{@code healLink}; {@code start}/{@code stop}; shell commands through its command
 * port ({@code run}, {@code ok}, or the real client with {@code shellCli}).</li>
 * <li>{@link io.vigil.itest.hosts.ExclusivityChecker}: samples every host's own state of an exclusive resource and
 * records every interval with two serving copies, and every host's state-file transitions.</li>
 * </ul>
 *
 * <p>Needs root. {@code -Ditest.vigil.home=DIR} runs another copy of the distribution.
 */
package io.vigil.itest.hosts;
