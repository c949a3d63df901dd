package dev.chainrule.deploy;

import static dev.chainrule.deploy.KubernetesManifests.container;
import static dev.chainrule.deploy.KubernetesManifests.env;
import static dev.chainrule.deploy.KubernetesManifests.javaOption;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.role.Role;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The Kubernetes base checked against the service it deploys: the probes hit health groups that
 * answer in a running worker (the stricter role: everything outside /actuator is closed there),
 * ports and labels line up, the grace period outlasts the configured shutdown, the pods run
 * unprivileged on a read-only root with writable volumes where the JVM and ND4J write, and the
 * memory limit covers heap plus ND4J's off-heap arrays. The KEDA query itself runs in
 * {@link KedaQueryTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.role=worker")
@ActiveProfiles("test")
class KubernetesManifestsTest {

    private static final List<String> COMPONENTS = List.of("api", "worker");
    /** What a pod needs beyond heap and JavaCPP's maxbytes: natives, metaspace, code cache, stacks. */
    private static final long NATIVE_OVERHEAD = 512L << 20;
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    private final KubernetesManifests manifests = KubernetesManifests.load();

    @LocalServerPort
    int port;

    @Test
    void theKustomizationListsEveryManifestAndEachLoads() throws Exception {
        assertThat(manifests.listed()).containsExactlyInAnyOrderElementsOf(KubernetesManifests.filesInBase());
        assertThat(manifests.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("chainrule-api", "chainrule-worker");
        assertThat(manifests.all(Service.class)).hasSize(1);
        assertThat(manifests.all(ConfigMap.class)).hasSize(1);
        assertThat(manifests.all(PodDisruptionBudget.class)).hasSize(2);
        assertThat(manifests.all(GenericKubernetesResource.class)).extracting(GenericKubernetesResource::getKind)
                .containsExactlyInAnyOrder("ScaledObject", "TriggerAuthentication", "PodMonitor");
    }

    @ParameterizedTest
    @ValueSource(strings = { "api", "worker" })
    void probesAskHealthGroupsThatAnswerUpInTheRunningService(String component) throws Exception {
        Container container = container(manifests.deployment(component));
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                container.getReadinessProbe())) {
            String path = probe.getHttpGet().getPath();
            Reply response = ApiClient.atPort(port).get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
            assertThat(probe.getHttpGet().getPort().getStrVal()).as("probe port of " + path)
                    .isIn(container.getPorts().stream().map(ContainerPort::getName).toList());
        }
    }

    @Test
    void theServiceReachesTheApiPodsOnTheServicePort() {
        int serverPort = Integer.parseInt(manifests.config().getData().getOrDefault("SERVER_PORT", "8080"));
        Service service = manifests.named(Service.class, "chainrule-api");
        Deployment api = manifests.deployment("api");
        ContainerPort http = container(api).getPorts().get(0);

        assertThat(http.getContainerPort()).isEqualTo(serverPort);
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getTargetPort)
                .allSatisfy(target -> assertThat(target.getStrVal()).isEqualTo(http.getName()));
        assertThat(api.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(manifests.deployment("worker").getSpec().getTemplate().getMetadata().getLabels())
                .as("workers serve no API: the Service must not select them")
                .doesNotContainEntry("app.kubernetes.io/component", "api")
                .containsEntry("app.kubernetes.io/component", "worker");
        for (String component : COMPONENTS) {
            Deployment deployment = manifests.deployment(component);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
    }

    @Test
    void theGracePeriodOutlastsTheRunnersShutdownAndTheServersDrain() {
        Binder configured = binderOver(manifests.config());
        Duration runner = configured.bind("chainrule.runner.shutdown-timeout", Duration.class)
                .orElseThrow(() -> new AssertionError("state CHAINRULE_RUNNER_SHUTDOWN_TIMEOUT in the ConfigMap"));
        Duration drain = configured.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElseThrow(() -> new AssertionError("state SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE in the ConfigMap"));

        for (String component : COMPONENTS) {
            long grace = manifests.deployment(component).getSpec().getTemplate().getSpec()
                    .getTerminationGracePeriodSeconds();
            assertThat(Duration.ofSeconds(grace)).as(component).isGreaterThan(runner.plus(drain));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "api", "worker" })
    void podsRunUnprivilegedOnAReadOnlyRootWithWritableVolumesWhereTheyWrite(String component) throws Exception {
        PodSpec pod = manifests.deployment(component).getSpec().getTemplate().getSpec();
        Container container = container(manifests.deployment(component));
        PodSecurityContext podSecurity = pod.getSecurityContext();
        SecurityContext security = container.getSecurityContext();

        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isPositive()
                .as("the image's own user (Dockerfile)").isEqualTo(imageUser());
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");

        List<String> writable = List.of(javaOption(container, "-Djava.io.tmpdir=").orElse("/tmp"),
                javaOption(container, "-Dorg.bytedeco.javacpp.cachedir=")
                        .orElseThrow(() -> new AssertionError("JavaCPP's cachedir must be set: the home is read-only")),
                manifests.config().getData().get("CHAINRULE_DATA_DIR"));
        for (String path : writable) {
            VolumeMount mount = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path))
                    .findFirst().orElseThrow(() -> new AssertionError(component + ": nothing mounted at " + path));
            assertThat(mount.getReadOnly()).as(path).isNotEqualTo(Boolean.TRUE);
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow();
            assertThat(volume.getEmptyDir()).as(path + " is an emptyDir").isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "api", "worker" })
    void theMemoryLimitCoversTheHeapAndNd4jsOffHeapArrays(String component) {
        Container container = container(manifests.deployment(component));
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");

        long limit = Quantity.getAmountInBytes(limits.get("memory")).longValueExact();
        long heap = jvmBytes(javaOption(container, "-Xmx").orElseThrow(() -> new AssertionError("set -Xmx")));
        long offHeap = jvmBytes(javaOption(container, "-Dorg.bytedeco.javacpp.maxbytes=")
                .orElseThrow(() -> new AssertionError("set JavaCPP's maxbytes")));
        long physical = jvmBytes(javaOption(container, "-Dorg.bytedeco.javacpp.maxphysicalbytes=")
                .orElseThrow(() -> new AssertionError("set JavaCPP's maxphysicalbytes")));

        assertThat(limit).as("memory limit of %s", component).isGreaterThanOrEqualTo(heap + offHeap + NATIVE_OVERHEAD);
        assertThat(physical).as("JavaCPP must refuse an allocation before the kernel kills the pod")
                .isGreaterThan(heap + offHeap).isLessThan(limit);
        assertThat(Quantity.getAmountInBytes(requests.get("memory"))).as("memory request = limit: never overcommitted")
                .isEqualTo(new BigDecimal(limit));
        assertThat(Quantity.getAmountInBytes(limits.get("cpu")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));
    }

    @Test
    void aWorkerHasACoreForEveryJobItTrainsAtOnce() {
        Binder configured = binderOver(manifests.config());
        int concurrency = configured.bind("chainrule.runner.concurrency", Integer.class).orElse(1);
        int threads = configured.bind("chainrule.runner.nd4j-threads", Integer.class).orElse(1);
        Quantity cpu = container(manifests.deployment("worker")).getResources().getRequests().get("cpu");

        assertThat(Quantity.getAmountInBytes(cpu)).isGreaterThanOrEqualTo(BigDecimal.valueOf((long) concurrency * threads));
    }

    @ParameterizedTest
    @ValueSource(strings = { "api", "worker" })
    void eachPodHasItsRoleTheConfigAndTheSecrets(String component) {
        Container container = container(manifests.deployment(component));

        String role = env(container, "CHAINRULE_ROLE").map(EnvVar::getValue).orElseThrow();
        assertThat(Role.fromProperty(role).propertyValue()).isEqualTo(component);
        assertThat(container.getEnvFrom()).extracting(source -> source.getConfigMapRef().getName())
                .containsExactly(manifests.config().getMetadata().getName());
        assertThat(secret(container, "CHAINRULE_DB_USER")).isEqualTo("chainrule-database/username");
        assertThat(secret(container, "CHAINRULE_DB_PASSWORD")).isEqualTo("chainrule-database/password");
        assertThat(secret(container, "CHAINRULE_ADMIN_KEY")).isEqualTo("chainrule-admin/admin-key");
    }

    /** The metrics need an admin key: the scrape sends the pods' own, and the path answers with it alone. */
    @SuppressWarnings("unchecked")
    @Test
    void prometheusScrapesEveryPodWithTheAdminKeyTheyWereGiven() {
        GenericKubernetesResource monitor = manifests.custom("PodMonitor");
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
        assertThat(endpoints).hasSize(1);
        Map<String, Object> endpoint = endpoints.get(0);
        Map<String, Object> authorization = (Map<String, Object>) endpoint.get("authorization");
        Map<String, String> credentials = (Map<String, String>) authorization.get("credentials");
        assertThat(authorization.get("type")).isEqualTo("Bearer");
        for (String component : COMPONENTS) {
            Deployment deployment = manifests.deployment(component);
            Container container = container(deployment);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(component)
                    .containsAllEntriesOf(selector);
            assertThat(container.getPorts()).extracting(ContainerPort::getName).as(component)
                    .contains((String) endpoint.get("port"));
            assertThat(credentials.get("name") + "/" + credentials.get("key")).as(component)
                    .isEqualTo(secret(container, "CHAINRULE_ADMIN_KEY"));
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations == null ? Map.of() : annotations).as("an annotation scrape would send no key")
                    .doesNotContainKey("prometheus.io/scrape");
        }
        String path = (String) endpoint.get("path");
        assertThat(ApiClient.atPort(port).withoutKey().get(path).status()).isEqualTo(401);
        assertThat(ApiClient.atPort(port).get(path).expect(200).body()).contains("jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = { "api", "worker" })
    void eachDisruptionBudgetSelectsItsOwnPods(String component) {
        PodDisruptionBudget budget = manifests.named(PodDisruptionBudget.class, "chainrule-" + component);
        assertThat(manifests.deployment(component).getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void kedaScalesTheWorkersOnTheServicesOwnDatabaseByJobsPerWorker() {
        GenericKubernetesResource scaledObject = manifests.custom("ScaledObject");
        GenericKubernetesResource authentication = manifests.custom("TriggerAuthentication");
        Map<String, Object> trigger = KedaQueryTest.trigger(scaledObject);
        @SuppressWarnings("unchecked")
        Map<String, String> metadata = (Map<String, String>) trigger.get("metadata");
        Binder configured = binderOver(manifests.config());

        assertThat(scaledObject.<String>get("spec", "scaleTargetRef", "name")).isEqualTo("chainrule-worker");
        assertThat(trigger.get("type")).isEqualTo("postgresql");
        assertThat(Integer.parseInt(metadata.get("targetQueryValue")))
                .isEqualTo(configured.bind("chainrule.runner.concurrency", Integer.class).orElse(1));
        assertThat(scaledObject.<Integer>get("spec", "minReplicaCount"))
                .isLessThanOrEqualTo(scaledObject.<Integer>get("spec", "maxReplicaCount"));

        Matcher url = JDBC_URL.matcher(manifests.config().getData().get("CHAINRULE_DB_URL"));
        assertThat(url.matches()).isTrue();
        assertThat(List.of(metadata.get("host"), metadata.get("port"), metadata.get("dbName")))
                .as("KEDA reads the database the service writes").containsExactly(url.group(1), url.group(2), url.group(3));

        @SuppressWarnings("unchecked")
        Map<String, String> authenticationRef = (Map<String, String>) trigger.get("authenticationRef");
        assertThat(authenticationRef.get("name")).isEqualTo(authentication.getMetadata().getName());
        List<Map<String, String>> secrets = authentication.get("spec", "secretTargetRef");
        Map<String, String> byParameter = new HashMap<>();
        secrets.forEach(ref -> byParameter.put(ref.get("parameter"), ref.get("name") + "/" + ref.get("key")));
        Container worker = container(manifests.deployment("worker"));
        assertThat(byParameter).containsEntry("userName", secret(worker, "CHAINRULE_DB_USER"))
                .containsEntry("password", secret(worker, "CHAINRULE_DB_PASSWORD"));
    }

    private static String secret(Container container, String variable) {
        SecretKeySelector selector = env(container, variable).orElseThrow(() -> new AssertionError("no " + variable))
                .getValueFrom().getSecretKeyRef();
        return selector.getName() + "/" + selector.getKey();
    }

    /** The ConfigMap as Spring sees it when Kubernetes turns it into environment variables. */
    private static Binder binderOver(ConfigMap config) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "configmap-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(config.getData())));
        return Binder.get(environment);
    }

    /** JVM size syntax: 512m, 1g, 2900M, plain bytes. */
    private static long jvmBytes(String size) {
        String value = size.toLowerCase(Locale.ROOT);
        int shift = switch (value.charAt(value.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        return Long.parseLong(shift == 0 ? value : value.substring(0, value.length() - 1)) << shift;
    }

    private static long imageUser() throws Exception {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(user.find()).as("the Dockerfile names its user by number").isTrue();
        return Long.parseLong(user.group(1));
    }
}
