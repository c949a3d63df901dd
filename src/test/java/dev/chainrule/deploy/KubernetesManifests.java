package dev.chainrule.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The kustomize base under {@code deploy/kubernetes}, read as fabric8 model objects: every file the
 * kustomization lists, by file name. Kinds the model does not know (KEDA's) come back as
 * {@link GenericKubernetesResource}.
 */
final class KubernetesManifests {

    static final Path BASE = Path.of("deploy/kubernetes");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<String> listed;
    private final Map<String, HasMetadata> resources = new LinkedHashMap<>();

    private KubernetesManifests(List<String> listed) {
        this.listed = listed;
        for (String file : listed) {
            resources.put(file, read(BASE.resolve(file)));
        }
    }

    static KubernetesManifests load() {
        JsonNode resources = tree(BASE.resolve("kustomization.yaml")).path("resources");
        List<String> listed = new ArrayList<>();
        resources.forEach(entry -> listed.add(entry.asText()));
        return new KubernetesManifests(listed);
    }

    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HasMetadata read(Path file) {
        try {
            KubernetesResource resource = YAML.readValue(file.toFile(), KubernetesResource.class);
            return (HasMetadata) resource;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The YAML files in the base directory, besides the kustomization itself. */
    static List<String> filesInBase() throws IOException {
        try (Stream<Path> files = Files.list(BASE)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .filter(name -> !name.startsWith("kustomization."))
                    .sorted().toList();
        }
    }

    List<String> listed() {
        return listed;
    }

    Map<String, HasMetadata> resources() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    GenericKubernetesResource custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(resource -> resource.getKind().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in the base"));
    }

    ConfigMap config() {
        return named(ConfigMap.class, "chainrule-config");
    }

    Deployment deployment(String component) {
        return named(Deployment.class, "chainrule-" + component);
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " should run one container, not "
                    + containers.size());
        }
        return containers.get(0);
    }

    static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(variable -> variable.getName().equals(name)).findFirst();
    }

    /** A {@code -Dname=value} or {@code -Xmx} style option from the container's JAVA_TOOL_OPTIONS. */
    static Optional<String> javaOption(Container container, String prefix) {
        String options = env(container, "JAVA_TOOL_OPTIONS").map(EnvVar::getValue).orElse("");
        Matcher matcher = Pattern.compile("(?:^|\\s)" + Pattern.quote(prefix) + "(\\S+)").matcher(options);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
