/**
 * The seed walkthroughs ({@code shared/seeds/000…003}) as scenario tests on real multi-node clusters of namespaced
 * test hosts ({@link io.vigil.itest.hosts.HostCluster}), typing the seeds' own {@code pcs}/{@code crm}/
 * {@code crm_mon} lines (each test's comment lists what had to be substituted: node names, addresses, paths, and the
 * stand-ins for what cannot exist here — NFS, the DRBD kernel part, Tomcat).
 *
 * <p>Per-host files (apache's /etc/apache2, the init script directory, the DRBD stand-in, /etc/drbd.conf,
 * /etc/mysql) are bind mounts made with {@code nsenter} in that host's own mount namespace only ({@link
 * io.vigil.itest.seeds.HostView}), so nothing on the machine changes and everything goes with the host. Crmsh
 * sessions ({@code crm configure} … {@code commit}) are typed over one command-port connection
 * ({@link io.vigil.itest.seeds.AdminSession}). Needs root.
 */
package io.vigil.itest.seeds;
