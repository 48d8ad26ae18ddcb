package io.vigil.cib.manager.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.vigil.api.agent.AgentRegistry;
import io.vigil.cib.change.CibChange;
import io.vigil.cib.manager.api.CibListener;
import io.vigil.cib.manager.api.CibService;
import io.vigil.cib.manager.api.RegistryCatalog;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.store.CibStore;
import io.vigil.cib.store.LoadReport;
import io.vigil.cib.validate.AgentCatalog;
import io.vigil.messaging.api.ClusterMessaging;
import io.vigil.quorum.api.QuorumService;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * This node's CIB manager (Pacemaker's pacemaker-based): loads the persisted configuration, joins the cluster's
 * copy by state transfer, applies changes in total order (see {@link ReplicatedCib}), and offers
 * {@link CibService} once it holds the cluster's copy (or knows it is alone).
 */
// service = {}: not registered by DS (it would offer CibService before the cluster's copy is here, and twice);
// the component registers CibService itself once ready.
@Component(immediate = true, service = {})
public class CibManagerComponent implements CibService {

    static final String TOPIC = ReplicatedCib.TOPIC;
    private static final System.Logger LOG = System.getLogger(CibManagerComponent.class.getName());
    private static final long COMMIT_TIMEOUT_MS = 30_000;
    private static final long JOIN_WAIT_MS = 2_000;

    private final BundleContext context;
    private final ReplicatedCib cib;
    private volatile AgentCatalog catalog = AgentCatalog.NONE;
    private final QuorumServiceDurability durability = new QuorumServiceDurability();
    private ServiceRegistration<CibService> service;
    private boolean deactivated;

    @Activate
    public CibManagerComponent(BundleContext context, @Reference ClusterMessaging messaging) throws IOException {
        this.context = context;
        String stateDir = context.getProperty("vigil.stateDir");
        Path dir = Path.of(stateDir == null ? System.getProperty("java.io.tmpdir") : stateDir).resolve("cib");
        CibStore store = new CibStore(dir, 10);
        QuorateVersionFile quorateVersion = new QuorateVersionFile(dir);
        LoadReport report = store.load();
        report.steps().forEach(s -> LOG.log(report.fellBack() ? System.Logger.Level.WARNING
                : System.Logger.Level.INFO, "CIB store: " + s));
        CibSnapshot loaded = report.snapshot().orElse(new CibSnapshot(null, Map.of("validate-with", "pacemaker-3.9", "crm_feature_set", "3.16.2"),
                null, null));
        Replica.Persistence persistence = new Replica.Persistence() {
            @Override
            public void save(CibSnapshot snapshot) throws IOException {
                store.save(snapshot);
            }

            @Override
            public void saveQuorateVersion(CibVersion v) throws IOException {
                quorateVersion.write(v);
            }
        };
        this.cib = new ReplicatedCib(messaging, new Replica.Copy(loaded, quorateVersion.read(loaded.version())),
                persistence, () -> catalog, this::register, COMMIT_TIMEOUT_MS, durability);
        cib.start(JOIN_WAIT_MS);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAgentRegistry(AgentRegistry registry) {
        this.catalog = new RegistryCatalog(registry);
    }

    void unsetAgentRegistry(AgentRegistry registry) {
        this.catalog = AgentCatalog.NONE;
    }

    // Optional: without it a change needs a majority of the view (see QuorumServiceDurability).
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setQuorumService(QuorumService quorum) {
        durability.bind(quorum);
    }

    void unsetQuorumService(QuorumService quorum) {
        durability.unbind(quorum);
    }

    private synchronized void register(String why) {
        if (service == null && !deactivated) {
            service = context.registerService(CibService.class, this, null);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            deactivated = true;
            if (service != null) {
                service.unregister();
                service = null;
            }
        }
        cib.close();
    }

    // ---- CibService ----

    @Override
    public CibSnapshot current() {
        return cib.current();
    }

    @Override
    public CompletionStage<CibSnapshot> apply(CibVersion base, List<CibChange> changes) {
        return cib.apply(base, changes);
    }

    @Override
    public AutoCloseable addListener(CibListener listener) {
        return cib.addListener(listener);
    }
}
