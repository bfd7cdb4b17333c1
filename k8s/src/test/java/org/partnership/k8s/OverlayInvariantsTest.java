package org.partnership.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders k8s/overlays/dev and k8s/overlays/prod with {@code kubectl kustomize} and checks the platform's invariants
 * on the result (issue 10). A failure lists every violation found.
 */
class OverlayInvariantsTest {

    private static final Path ROOT = Kustomize.repoRoot();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void renders(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        assertThat(m.ofKind("Deployment")).extracting(Manifests::name).containsExactlyInAnyOrder("gateway",
                "partners-service", "projects-service", "resources-service", "notifications-service", "audit-service", "console");
        assertThat(m.objects()).allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText())
                .as("namespace of %s", Manifests.id(o)).isEqualTo(overlay.equals("prod") ? "partnership" : "partnership-dev"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyDeploymentHasProbesLimitsAndARestrictedSecurityContext(String overlay) {
        assertThat(Invariants.deployments(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void onlyTheGatewayIsReachableFromOutside(String overlay) {
        assertThat(Invariants.exposure(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void networkPoliciesDenyByDefaultAndAllowOnlyThePlatformsPaths(String overlay) {
        assertThat(Invariants.networkPolicies(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyTopicTheServicesUseExistsOnAKRaftCluster(String overlay) {
        assertThat(Invariants.kafka(Kustomize.overlay(overlay), ROOT)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void configurationPointsAtTheOverlaysKafkaPostgresAndKeycloak(String overlay) {
        assertThat(Invariants.wiring(Kustomize.overlay(overlay))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void theConsoleSitsBehindTheGatewayWithItsKeysFromASecret(String overlay) {
        assertThat(Invariants.console(Kustomize.overlay(overlay), ROOT)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void keycloakImportsTheRepositorysRealm(String overlay) {
        assertThat(Invariants.realm(Kustomize.overlay(overlay), ROOT)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "dev", "prod" })
    void replicasDisruptionBudgetsAndAutoscalers(String overlay) {
        assertThat(Invariants.scale(Kustomize.overlay(overlay))).isEmpty();
    }

    @Test
    void theRealmIsReferencedNotCopied() {
        assertThat(Invariants.noRealmCopy(ROOT)).isEmpty();
    }

    @Test
    void theTopicsInUseAreFoundInTheServicesConfiguration() {
        assertThat(Invariants.topicsUsed(ROOT)).contains("partners.v1", "projects.v1", "resources.v1",
                "partners.v1.dlq", "projects.v1.dlq", "resources.v1.dlq");
    }
}
