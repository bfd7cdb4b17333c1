package org.partnership.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The invariants catch what they are meant to catch: each test breaks one thing in a copy of the rendered prod
 * overlay and expects the matching check to report it.
 */
class InvariantsDetectBreakageTest {

    private static final Path ROOT = Kustomize.repoRoot();

    private static Manifests prod() {
        return Kustomize.overlay("prod").copy();
    }

    private static ObjectNode find(Manifests m, String kind, String name) {
        return m.find(kind, name).orElseThrow();
    }

    private static ObjectNode container(Manifests m, String deployment) {
        return (ObjectNode) find(m, "Deployment", deployment).path("spec").path("template").path("spec")
                .path("containers").path(0);
    }

    private static void assertReported(Manifests m, Function<Manifests, List<String>> check, String expected) {
        assertThat(check.apply(m)).anySatisfy(v -> assertThat(v).contains(expected));
    }

    @Test
    void aMissingProbe() {
        Manifests m = prod();
        container(m, "partners-service").remove("readinessProbe");
        assertReported(m, Invariants::deployments, "readinessProbe missing");
    }

    @Test
    void aWritableRootFilesystem() {
        Manifests m = prod();
        ((ObjectNode) container(m, "gateway").path("securityContext")).put("readOnlyRootFilesystem", false);
        assertReported(m, Invariants::deployments, "readOnlyRootFilesystem must be true");
    }

    @Test
    void aMissingMemoryLimit() {
        Manifests m = prod();
        ((ObjectNode) container(m, "projects-service").path("resources").path("limits")).remove("memory");
        assertReported(m, Invariants::deployments, "resources.limits.memory missing");
    }

    @Test
    void theLatestTag() {
        Manifests m = prod();
        container(m, "resources-service").put("image", "registry.example.org/partnership/resources-service:latest");
        assertReported(m, Invariants::deployments, "uses the tag \"latest\"");
        container(m, "resources-service").put("image", "registry.example.org/partnership/resources-service");
        assertReported(m, Invariants::deployments, "has no tag");
    }

    @Test
    void aLiteralPassword() {
        Manifests m = prod();
        ArrayNode env = (ArrayNode) container(m, "projects-service").path("env");
        env.addObject().put("name", "QUARKUS_DATASOURCE_PASSWORD").put("value", "hunter2");
        assertReported(m, Invariants::deployments, "must come from a Secret");
    }

    @Test
    void aServiceExposedOutsideTheCluster() {
        Manifests m = prod();
        ((ObjectNode) find(m, "Service", "partners-service").path("spec")).put("type", "LoadBalancer");
        assertReported(m, Invariants::exposure, "type LoadBalancer");
    }

    @Test
    void anIngressToAService() {
        Manifests m = prod();
        ObjectNode backend = (ObjectNode) find(m, "Ingress", "gateway").path("spec").path("rules").path(0)
                .path("http").path("paths").path(0).path("backend").path("service");
        backend.put("name", "projects-service");
        assertReported(m, Invariants::exposure, "exposes projects-service");
    }

    @Test
    void theConsoleExposedByAnIngress() {
        Manifests m = prod();
        ObjectNode backend = (ObjectNode) find(m, "Ingress", "gateway").path("spec").path("rules").path(0)
                .path("http").path("paths").path(0).path("backend").path("service");
        assertThat(find(m, "Ingress", "gateway").path("spec").path("rules").path(0).path("http").path("paths").path(0)
                .path("path").asText()).isEqualTo("/console");
        backend.put("name", "console");
        ((ObjectNode) backend.path("port")).put("number", 8090).remove("name");
        List<String> violations = Invariants.exposure(m);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("exposes console /console"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("/console (a console page) reaches console"));
    }

    @Test
    void theConsolePagesNoLongerReachTheGateway() {
        Manifests m = prod();
        ArrayNode paths = (ArrayNode) find(m, "Ingress", "gateway").path("spec").path("rules").path(0).path("http")
                .path("paths");
        paths.remove(0); // /console
        ((ObjectNode) paths.path(0)).put("path", "/projects"); // "/" narrowed to the API
        assertReported(m, Invariants::exposure, "https://partnership.example.org/console (a console page) reaches nothing");
    }

    @Test
    void theConsoleOpenToEveryone() {
        Manifests m = prod();
        ObjectNode rule = (ObjectNode) find(m, "NetworkPolicy", "console").path("spec").path("ingress").path(0);
        rule.remove("from");
        assertReported(m, Invariants::networkPolicies, "NetworkPolicy/console ingress to console: a rule without \"from\"");
    }

    @Test
    void theConsoleTalkingToKafka() {
        Manifests m = prod();
        ArrayNode egress = (ArrayNode) find(m, "NetworkPolicy", "console").path("spec").path("egress");
        egress.addObject().putArray("to").addObject().putObject("podSelector").putObject("matchLabels")
                .put("strimzi.io/cluster", "partnership");
        assertReported(m, Invariants::networkPolicies, "the console does not use Kafka");
    }

    @Test
    void theGatewayCannotReachTheConsole() {
        Manifests m = prod();
        ArrayNode egress = (ArrayNode) find(m, "NetworkPolicy", "gateway").path("spec").path("egress");
        egress.removeIf(rule -> rule.path("to").path(0).path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/name").asText().equals("console"));
        assertReported(m, Invariants::networkPolicies, "gateway cannot reach console on 8090: no egress rule of gateway");
    }

    @Test
    void theConsoleCannotCallTheApi() {
        Manifests m = prod();
        ArrayNode from = (ArrayNode) find(m, "NetworkPolicy", "gateway").path("spec").path("ingress").path(0).path("from");
        from.removeIf(peer -> peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()
                .equals("console"));
        assertReported(m, Invariants::networkPolicies, "console cannot reach gateway on 8080: no ingress rule of gateway");
    }

    @Test
    void theConsoleWithTheDemoClientSecret() {
        Manifests m = prod();
        ((ArrayNode) container(m, "console").path("env"))
                .removeIf(env -> env.path("name").asText().equals("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        List<String> violations = Invariants.console(m, ROOT);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("quarkus.oidc.credentials.secret "
                + "(QUARKUS_OIDC_CREDENTIALS_SECRET) must come from a Secret"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("quarkus.oidc.token-state-manager.encryption-secret"));
    }

    @Test
    void aDevConsoleSecretTheRealmDoesNotKnow() {
        Manifests m = Kustomize.overlay("dev").copy();
        ObjectNode secret = m.ofKind("Secret").stream().filter(s -> Manifests.name(s).startsWith("console-oidc"))
                .findFirst().orElseThrow();
        ((ObjectNode) secret.path("data")).put("client-secret",
                java.util.Base64.getEncoder().encodeToString("not-the-realms".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertReported(m, x -> Invariants.console(x, ROOT), "differs from the demo realm's \"console\" client");
    }

    @Test
    void theConsoleCallingTheServicesDirectly() {
        Manifests m = prod();
        ObjectNode config = (ObjectNode) m.ofKind("ConfigMap").stream()
                .filter(cm -> Manifests.name(cm).startsWith("console-config")).findFirst().orElseThrow().path("data");
        config.put("CONSOLE_API_URL", "http://projects-service:8082");
        assertReported(m, x -> Invariants.console(x, ROOT), "CONSOLE_API_URL must be http://gateway:8080");
    }

    @Test
    void noDefaultDeny() {
        Manifests m = prod();
        m.objects().removeIf(o -> Manifests.id(o).equals("NetworkPolicy/default-deny-all"));
        assertReported(m, Invariants::networkPolicies, "no default-deny NetworkPolicy");
    }

    @Test
    void aServiceOpenToEveryone() {
        Manifests m = prod();
        ObjectNode rule = (ObjectNode) find(m, "NetworkPolicy", "projects-service").path("spec").path("ingress").path(0);
        rule.remove("from");
        assertReported(m, Invariants::networkPolicies, "admits every source");
    }

    @Test
    void mailerEgressToTheInternetBeyondTheSubmissionPort() {
        Manifests m = prod();
        ArrayNode egress = (ArrayNode) find(m, "NetworkPolicy", "notifications-service").path("spec").path("egress");
        ObjectNode rule = egress.addObject();
        rule.putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
        rule.putArray("ports").addObject().put("protocol", "TCP").put("port", 443);
        assertReported(m, Invariants::networkPolicies, "ipBlock destination");
        ArrayNode anyPort = (ArrayNode) find(m, "NetworkPolicy", "notifications-service").path("spec").path("egress");
        anyPort.addObject().putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
        assertReported(m, Invariants::networkPolicies, "ipBlock destination");
    }

    @Test
    void egressToTheInternet() {
        Manifests m = prod();
        ArrayNode egress = (ArrayNode) find(m, "NetworkPolicy", "resources-service").path("spec").path("egress");
        egress.addObject().putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
        assertReported(m, Invariants::networkPolicies, "ipBlock destination");
    }

    @Test
    void aMissingDeadLetterTopic() {
        Manifests m = prod();
        m.objects().removeIf(o -> Manifests.id(o).equals("KafkaTopic/projects.v1.dlq"));
        assertReported(m, x -> Invariants.kafka(x, ROOT), "topic projects.v1.dlq is used");
    }

    @Test
    void weakReplicationInProd() {
        Manifests m = prod();
        ((ObjectNode) find(m, "KafkaTopic", "partners.v1").path("spec")).put("replicas", 1);
        assertReported(m, x -> Invariants.kafka(x, ROOT), "prod needs replication 3");
    }

    @Test
    void noAutoscaler() {
        Manifests m = prod();
        m.objects().removeIf(o -> Manifests.id(o).equals("HorizontalPodAutoscaler/gateway"));
        assertReported(m, Invariants::scale, "needs exactly one HorizontalPodAutoscaler");
    }

    @Test
    void noDisruptionBudgetForTheConsole() {
        Manifests m = prod();
        m.objects().removeIf(o -> Manifests.id(o).equals("PodDisruptionBudget/console"));
        assertReported(m, Invariants::scale, "Deployment/console: no PodDisruptionBudget");
    }

    @Test
    void aCommittedSecretInProd() {
        Manifests m = prod();
        ObjectNode secret = m.objects().get(0).objectNode();
        secret.put("apiVersion", "v1").put("kind", "Secret").putObject("metadata").put("name", "leak");
        m.objects().add(secret);
        assertReported(m, Invariants::wiring, "prod commits secret values");
    }

    @Test
    void aRealmThatIsNotTheRepositorysFile() {
        Manifests m = prod();
        ((ObjectNode) find(m, "ConfigMap", "partnership-realm").path("data")).put("partnership-realm.json", "{}");
        assertReported(m, x -> Invariants.realm(x, ROOT), "differs from keycloak/partnership-realm.json");
    }

    @Test
    void aPublicHostThatIsNotTheOneKeycloakRedirectsTo() {
        Manifests m = prod();
        ((ObjectNode) find(m, "Ingress", "gateway").path("spec").path("rules").path(0)).put("host", "partners.example.com");
        assertReported(m, x -> Invariants.realm(x, ROOT), "PARTNERSHIP_PUBLIC_URL");
    }
}
