package org.partnership.k8s;

import static org.partnership.k8s.Manifests.id;
import static org.partnership.k8s.Manifests.name;
import static org.partnership.k8s.Manifests.podLabels;
import static org.partnership.k8s.Manifests.selects;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The platform's invariants on a rendered overlay. Every check returns the violations it found (empty = holds), so
 * a failing test lists all of them at once.
 */
final class Invariants {

    /** Services measured at roughly 150-250 MiB RSS after warm-up (DESIGN.md section 8, issue 10). */
    static final long MEASURED_RSS_MAX = 250L << 20;
    static final long MEASURED_RSS_MIN = 150L << 20;

    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "partners-service", 8081,
            "projects-service", 8082, "resources-service", 8083, "notifications-service", 8085, "audit-service", 8084, "console", 8090);
    static final List<String> BACKENDS = List.of("partners-service", "projects-service", "resources-service",
            "notifications-service", "audit-service");

    /**
     * notifications-service sends e-mail through the municipality's SMTP relay outside the cluster: the one egress to
     * an ipBlock allowed, and only to the mail submission port.
     */
    static final String MAILER = "notifications-service";
    static final Set<Integer> SMTP_PORTS = Set.of(587);

    /**
     * The web console (issue 20): reached only through the gateway, which routes its pages to it; calls only the
     * gateway (the public API) and Keycloak. No database, no Kafka.
     */
    static final String CONSOLE = "console";
    /** Public paths the gateway routes to the console (gateway ConsoleRoutes): they must reach the gateway. */
    static final List<String> CONSOLE_PAGES = List.of("/", "/console", "/console/projects", "/_static/app.css");
    /** Console settings that sign or encrypt its cookies and forms: each must come from a Secret. */
    static final List<String> CONSOLE_KEYS = List.of("quarkus.oidc.credentials.secret",
            "quarkus.oidc.authentication.state-secret", "quarkus.oidc.token-state-manager.encryption-secret");
    /** The "app" label the Keycloak operator gives Keycloak's pods, which the policies select them by. */
    static final String KEYCLOAK_APP_LABEL = "keycloak";

    /** Ingress paths of the identity provider that browsers and clients must reach (login, tokens, JWKS). */
    static final String KEYCLOAK_SERVICE_SUFFIX = "-service";
    static final List<String> KEYCLOAK_PUBLIC_PATHS = List.of("/realms/", "/resources/");

    static final String MONITORING_NAMESPACE = "monitoring";
    static final String INGRESS_NAMESPACE = "ingress-nginx";

    /** Secrets that prod expects to exist and that k8s/README.md tells the operator to create. */
    static final Set<String> DOCUMENTED_EXTERNAL_SECRETS = Set.of("partners-service-oidc", "console-oidc", "gateway-tls",
            "keycloak-tls", "notifications-smtp");

    private static final Pattern IMAGE = Pattern.compile("^(?<repo>[^@]+?)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$");

    private Invariants() {
    }

    // ---------------------------------------------------------------- workloads

    /** Probes, requests and limits, security context, /tmp, image, scrape annotations, no literal secrets. */
    static List<String> deployments(Manifests m) {
        List<String> v = new ArrayList<>();
        List<JsonNode> deployments = List.copyOf(m.ofKind("Deployment"));
        Set<String> names = new TreeSet<>();
        deployments.forEach(d -> names.add(name(d)));
        if (!names.equals(PORTS.keySet())) {
            v.add("expected exactly the Deployments " + new TreeSet<>(PORTS.keySet()) + ", found " + names);
        }
        for (JsonNode d : deployments) {
            String id = id(d);
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode podSc = pod.path("securityContext");
            if (!podSc.path("runAsNonRoot").asBoolean(false)) {
                v.add(id + ": pod securityContext.runAsNonRoot must be true");
            }
            if (podSc.has("runAsUser") && podSc.path("runAsUser").asLong() == 0) {
                v.add(id + ": pod runs as uid 0");
            }
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(host).asBoolean(false)) {
                    v.add(id + ": " + host + " is not allowed");
                }
            }
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                v.add(id + ": automountServiceAccountToken must be false (the services never call the Kubernetes API)");
            }
            JsonNode annotations = d.path("spec").path("template").path("metadata").path("annotations");
            if (pod.path("containers").isEmpty()) {
                v.add(id + ": no containers");
            }
            for (JsonNode c : pod.path("containers")) {
                String cid = id + " container " + c.path("name").asText();
                Set<String> portNames = new TreeSet<>();
                Set<Integer> portNumbers = new TreeSet<>();
                for (JsonNode p : c.path("ports")) {
                    portNames.add(p.path("name").asText());
                    portNumbers.add(p.path("containerPort").asInt());
                    if (p.has("hostPort")) {
                        v.add(cid + ": hostPort exposes the pod outside the cluster");
                    }
                }
                Integer expectedPort = PORTS.get(name(d));
                if (expectedPort != null && !portNumbers.contains(expectedPort)) {
                    v.add(cid + ": must listen on " + expectedPort + " (application.properties), has " + portNumbers);
                }
                Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe",
                        "/q/health/live", "readinessProbe", "/q/health/ready");
                probes.forEach((probe, path) -> {
                    JsonNode get = c.path(probe).path("httpGet");
                    if (get.isMissingNode()) {
                        v.add(cid + ": " + probe + " missing (expected httpGet " + path + ")");
                        return;
                    }
                    if (!get.path("path").asText().equals(path)) {
                        v.add(cid + ": " + probe + " must GET " + path + ", not " + get.path("path").asText());
                    }
                    JsonNode port = get.path("port");
                    boolean known = port.isInt() ? portNumbers.contains(port.asInt()) : portNames.contains(port.asText());
                    if (!known) {
                        v.add(cid + ": " + probe + " port " + port + " is not a container port");
                    }
                });
                JsonNode res = c.path("resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String r : List.of("cpu", "memory")) {
                        if (!res.path(kind).hasNonNull(r)) {
                            v.add(cid + ": resources." + kind + "." + r + " missing");
                        }
                    }
                }
                if (res.path("limits").hasNonNull("memory") && res.path("requests").hasNonNull("memory")) {
                    long limit = bytes(res.path("limits").path("memory").asText());
                    long request = bytes(res.path("requests").path("memory").asText());
                    if (request < MEASURED_RSS_MIN) {
                        v.add(cid + ": memory request " + res.path("requests").path("memory").asText()
                                + " is below the measured RSS (150-250 MiB)");
                    }
                    if (limit < MEASURED_RSS_MAX * 3 / 2) {
                        v.add(cid + ": memory limit " + res.path("limits").path("memory").asText()
                                + " leaves less than 50 % headroom above the measured 250 MiB RSS");
                    }
                    if (request > limit) {
                        v.add(cid + ": memory request above the limit");
                    }
                }
                if (res.path("limits").hasNonNull("cpu") && res.path("requests").hasNonNull("cpu")
                        && millicores(res.path("requests").path("cpu").asText())
                                > millicores(res.path("limits").path("cpu").asText())) {
                    v.add(cid + ": cpu request above the limit");
                }
                JsonNode sc = c.path("securityContext");
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    v.add(cid + ": securityContext.allowPrivilegeEscalation must be false");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    v.add(cid + ": securityContext.readOnlyRootFilesystem must be true");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    v.add(cid + ": privileged");
                }
                if (sc.has("runAsUser") && sc.path("runAsUser").asLong() == 0) {
                    v.add(cid + ": runs as uid 0");
                }
                if (sc.has("runAsNonRoot") && !sc.path("runAsNonRoot").asBoolean()) {
                    v.add(cid + ": runAsNonRoot false");
                }
                boolean dropsAll = false;
                for (JsonNode cap : sc.path("capabilities").path("drop")) {
                    dropsAll |= cap.asText().equals("ALL");
                }
                if (!dropsAll) {
                    v.add(cid + ": securityContext.capabilities.drop must contain ALL");
                }
                if (!sc.path("capabilities").path("add").isEmpty()) {
                    v.add(cid + ": adds capabilities");
                }
                String tmpVolume = null;
                for (JsonNode mount : c.path("volumeMounts")) {
                    if (mount.path("mountPath").asText().equals("/tmp")) {
                        tmpVolume = mount.path("name").asText();
                    }
                }
                final String tmp = tmpVolume;
                boolean tmpIsEmptyDir = tmp != null && Stream.of(pod.path("volumes"))
                        .flatMap(vs -> java.util.stream.StreamSupport.stream(vs.spliterator(), false))
                        .anyMatch(vol -> vol.path("name").asText().equals(tmp) && vol.has("emptyDir"));
                if (!tmpIsEmptyDir) {
                    v.add(cid + ": /tmp must be an emptyDir (the root filesystem is read-only)");
                }
                v.addAll(image(cid, c.path("image").asText(), name(d)));
                String port = String.valueOf(expectedPort == null ? "" : expectedPort);
                if (!annotations.path("prometheus.io/scrape").asText().equals("true")
                        || !annotations.path("prometheus.io/path").asText().equals("/q/metrics")
                        || !annotations.path("prometheus.io/port").asText().equals(port)) {
                    v.add(id + ": pod template needs prometheus.io/scrape=true, prometheus.io/path=/q/metrics, "
                            + "prometheus.io/port=" + port);
                }
                for (JsonNode env : c.path("env")) {
                    String var = env.path("name").asText();
                    if (sensitive(var) && !env.path("valueFrom").has("secretKeyRef")) {
                        v.add(cid + ": " + var + " must come from a Secret (secretKeyRef), not a literal or ConfigMap");
                    }
                }
            }
        }
        for (JsonNode cm : m.ofKind("ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(key -> {
                if (sensitive(key)) {
                    v.add(id(cm) + ": " + key + " looks like a secret; put it in a Secret");
                }
            });
        }
        return v;
    }

    private static boolean sensitive(String variable) {
        String u = variable.toUpperCase();
        return u.contains("PASSWORD") || u.contains("SECRET") || u.contains("TOKEN") || u.contains("CREDENTIAL");
    }

    /** Image name pattern {@code <registry>/partnership/<service>:<version>}, never "latest", never untagged. */
    static List<String> image(String where, String image, String service) {
        List<String> v = new ArrayList<>();
        Matcher matcher = IMAGE.matcher(image);
        if (!matcher.matches()) {
            v.add(where + ": image " + image + " is not a valid image reference");
            return v;
        }
        String tag = matcher.group("tag");
        String repo = matcher.group("repo");
        if (tag == null && matcher.group("digest") == null) {
            v.add(where + ": image " + image + " has no tag (that is \"latest\")");
        }
        if ("latest".equalsIgnoreCase(tag)) {
            v.add(where + ": image " + image + " uses the tag \"latest\"");
        }
        if (!repo.endsWith("/partnership/" + service) || repo.split("/").length < 3) {
            v.add(where + ": image " + image + " does not follow <registry>/partnership/" + service + ":<version>");
        }
        return v;
    }

    // ---------------------------------------------------------------- exposure

    /** Only the gateway is reachable from outside (plus the identity provider's login/token paths), over TLS. */
    static List<String> exposure(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode s : m.ofKind("Service")) {
            String type = s.path("spec").path("type").asText("ClusterIP");
            if (!type.equals("ClusterIP")) {
                v.add(id(s) + ": type " + type + " exposes it outside the cluster; only the gateway Ingress may");
            }
            if (!s.path("spec").path("externalIPs").isEmpty()) {
                v.add(id(s) + ": externalIPs");
            }
        }
        Set<String> keycloakServices = new TreeSet<>();
        m.ofKind("Keycloak").forEach(k -> keycloakServices.add(name(k) + KEYCLOAK_SERVICE_SUFFIX));
        boolean gatewayExposed = false;
        Set<String> gatewayHosts = new TreeSet<>();
        for (JsonNode ingress : m.ofKind("Ingress")) {
            String id = id(ingress);
            JsonNode spec = ingress.path("spec");
            Set<String> tlsHosts = new TreeSet<>();
            for (JsonNode tls : spec.path("tls")) {
                tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
                if (!tls.hasNonNull("secretName")) {
                    v.add(id + ": tls entry without secretName");
                }
            }
            String defaultBackend = spec.path("defaultBackend").path("service").path("name").asText(null);
            if (defaultBackend != null && !defaultBackend.equals("gateway")) {
                v.add(id + ": default backend " + defaultBackend + " is not the gateway");
            }
            for (JsonNode rule : spec.path("rules")) {
                String host = rule.path("host").asText(null);
                if (host == null || !tlsHosts.contains(host)) {
                    v.add(id + ": host " + host + " is not covered by TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    String p = path.path("path").asText("/");
                    if (backend.equals("gateway")) {
                        gatewayExposed = true;
                        if (host != null) {
                            gatewayHosts.add(host);
                        }
                    } else if (!(keycloakServices.contains(backend) && KEYCLOAK_PUBLIC_PATHS.contains(p))) {
                        v.add(id + ": exposes " + backend + " " + p + "; only the gateway (and Keycloak's "
                                + KEYCLOAK_PUBLIC_PATHS + ") may be reachable from outside");
                    }
                }
            }
        }
        for (JsonNode route : m.objects()) {
            String kind = route.path("kind").asText();
            if (kind.endsWith("Route") && route.path("apiVersion").asText().startsWith("gateway.networking.k8s.io")) {
                for (JsonNode rule : route.path("spec").path("rules")) {
                    for (JsonNode ref : rule.path("backendRefs")) {
                        if (ref.path("name").asText().equals("gateway")) {
                            gatewayExposed = true;
                        } else {
                            v.add(id(route) + ": routes to " + ref.path("name").asText() + "; only the gateway may be exposed");
                        }
                    }
                }
            }
        }
        if (!gatewayExposed) {
            v.add("the gateway is not exposed by any Ingress or HTTPRoute");
        }
        // the console's pages reach it only through the gateway, which adds their security headers
        for (String host : gatewayHosts) {
            for (String page : CONSOLE_PAGES) {
                String backend = route(m, host, page).orElse("nothing");
                if (!backend.equals("gateway")) {
                    v.add("https://" + host + page + " (a console page) reaches " + backend
                            + "; the console's pages must go through the gateway");
                }
            }
        }
        return v;
    }

    /**
     * The Service an Ingress request to host and path reaches: Exact before Prefix, the longest Prefix wins, a Prefix
     * matches whole path elements (Kubernetes Ingress semantics; ImplementationSpecific is taken as Prefix).
     */
    static Optional<String> route(Manifests m, String host, String requestPath) {
        String best = null;
        int bestRank = -1;
        for (JsonNode ingress : m.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!host.equals(rule.path("host").asText(null))) {
                    continue;
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    String p = path.path("path").asText("/");
                    boolean exact = path.path("pathType").asText("Prefix").equals("Exact");
                    String prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
                    boolean matches = exact ? requestPath.equals(p)
                            : prefix.isEmpty() || requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
                    int rank = exact ? Integer.MAX_VALUE : prefix.length();
                    if (matches && rank > bestRank) {
                        bestRank = rank;
                        best = path.path("backend").path("service").path("name").asText();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    // ---------------------------------------------------------------- network policies

    /**
     * Default deny; the gateway accepts only the ingress controller and the console; services and the console accept
     * only the gateway; egress only to Kafka, PostgreSQL, Keycloak and DNS (the console: the gateway, Keycloak and DNS);
     * and the paths the platform needs are open.
     */
    static List<String> networkPolicies(Manifests m) {
        List<String> v = new ArrayList<>();
        List<JsonNode> policies = List.copyOf(m.ofKind("NetworkPolicy"));
        boolean defaultDeny = policies.stream().anyMatch(p -> {
            JsonNode spec = p.path("spec");
            Set<String> types = new TreeSet<>();
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
            return spec.path("podSelector").isEmpty() && types.equals(Set.of("Ingress", "Egress"))
                    && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
        });
        if (!defaultDeny) {
            v.add("no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)");
        }
        Map<String, JsonNode> deployments = new java.util.TreeMap<>();
        m.ofKind("Deployment").forEach(d -> deployments.put(name(d), podLabels(d)));
        JsonNode gatewayLabels = deployments.get("gateway");
        Set<String> kafkaClusters = names(m, "Kafka");
        Set<String> pgClusters = names(m, "Cluster");
        Set<String> keycloaks = names(m, "Keycloak");
        Set<String> upstreams = new TreeSet<>(BACKENDS);
        upstreams.add(CONSOLE);

        for (Map.Entry<String, JsonNode> d : deployments.entrySet()) {
            String service = d.getKey();
            boolean isGateway = service.equals("gateway");
            boolean isConsole = service.equals(CONSOLE);
            boolean ingressAllowed = false;
            for (JsonNode p : policies) {
                JsonNode spec = p.path("spec");
                if (!selects(spec.path("podSelector"), d.getValue()) && !spec.path("podSelector").isEmpty()) {
                    continue;
                }
                for (JsonNode rule : spec.path("ingress")) {
                    String where = id(p) + " ingress to " + service;
                    if (rule.path("from").isEmpty()) {
                        v.add(where + ": a rule without \"from\" admits every source");
                        continue;
                    }
                    for (JsonNode peer : rule.path("from")) {
                        if (peer.has("ipBlock")) {
                            v.add(where + ": ipBlock source");
                        } else if (isNamespace(peer, MONITORING_NAMESPACE) && !peer.has("podSelector")) {
                            // Prometheus scraping /q/metrics
                        } else if (isGateway && isNamespace(peer, INGRESS_NAMESPACE) && !peer.has("podSelector")) {
                            ingressAllowed = true;
                        } else if (isGateway && !peer.has("namespaceSelector")
                                && onlySelects(peer.path("podSelector"), CONSOLE, deployments)) {
                            // the console's API calls, with the user's token
                        } else if (!isGateway && !peer.has("namespaceSelector") && gatewayLabels != null
                                && selects(peer.path("podSelector"), gatewayLabels)
                                && onlySelectsGateway(peer.path("podSelector"), deployments)) {
                            ingressAllowed = true;
                        } else {
                            v.add(where + ": admits " + peer + "; " + (isGateway
                                    ? "the gateway accepts only the ingress controller and the console (and Prometheus)"
                                    : "services and the console accept only the gateway (and Prometheus)"));
                        }
                    }
                }
                for (JsonNode rule : spec.path("egress")) {
                    String where = id(p) + " egress from " + service;
                    if (rule.path("to").isEmpty()) {
                        v.add(where + ": a rule without \"to\" allows every destination");
                        continue;
                    }
                    for (JsonNode peer : rule.path("to")) {
                        JsonNode pods = peer.path("podSelector");
                        if (peer.has("ipBlock") && service.equals(MAILER) && smtpOnly(rule.path("ports"))) {
                            // the SMTP relay outside the cluster, on the submission port only
                        } else if (peer.has("ipBlock")) {
                            v.add(where + ": ipBlock destination " + peer.path("ipBlock"));
                        } else if (isNamespace(peer, "kube-system")
                                && pods.path("matchLabels").path("k8s-app").asText().equals("kube-dns")) {
                            // DNS
                        } else if (peer.has("namespaceSelector")) {
                            v.add(where + ": other namespace " + peer);
                        } else if (kafkaClusters.contains(pods.path("matchLabels").path("strimzi.io/cluster").asText())) {
                            if (isGateway || isConsole) {
                                v.add(where + ": the " + service + " does not use Kafka");
                            }
                        } else if (pgClusters.contains(pods.path("matchLabels").path("cnpg.io/cluster").asText())) {
                            if (isGateway || isConsole) {
                                v.add(where + ": the " + service + " has no database");
                            }
                        } else if (!keycloaks.isEmpty() && pods.path("matchLabels").path("app").asText().equals("keycloak")) {
                            // the identity provider (JWKS, partners-service's admin API calls)
                        } else if (isGateway && selectsOnly(pods, upstreams, deployments)) {
                            // the gateway's upstreams: the services, and the console for its pages
                        } else if (isConsole && onlySelects(pods, "gateway", deployments)) {
                            // the console calls the public API through the gateway
                        } else {
                            v.add(where + ": allows " + peer + "; services talk only to Kafka, PostgreSQL, Keycloak and DNS, "
                                    + "the console only to the gateway, Keycloak and DNS");
                        }
                    }
                }
            }
            if (!ingressAllowed) {
                v.add(service + ": no NetworkPolicy admits " + (isGateway ? "the ingress controller" : "the gateway"));
            }
        }
        // the paths the platform needs, allowed on both ends (the egress of one pod and the ingress of the other)
        Map<String, JsonNode> targets = new java.util.TreeMap<>(deployments);
        if (!keycloaks.isEmpty()) {
            targets.put("keycloak", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("app", KEYCLOAK_APP_LABEL));
        }
        List<String[]> flows = new ArrayList<>();
        for (String upstream : upstreams) {
            flows.add(new String[] { "gateway", upstream, String.valueOf(PORTS.get(upstream)) });
        }
        flows.add(new String[] { CONSOLE, "gateway", String.valueOf(PORTS.get("gateway")) });
        for (String client : PORTS.keySet()) {
            flows.add(new String[] { client, "keycloak", "8080" });
        }
        for (String[] flow : flows) {
            JsonNode from = targets.get(flow[0]);
            JsonNode to = targets.get(flow[1]);
            if (from == null || to == null) {
                continue; // a missing Deployment or Keycloak is reported by its own check
            }
            int port = Integer.parseInt(flow[2]);
            if (!allows(policies, "Egress", from, to, port)) {
                v.add(flow[0] + " cannot reach " + flow[1] + " on " + port + ": no egress rule of " + flow[0] + " allows it");
            }
            if (!allows(policies, "Ingress", to, from, port)) {
                v.add(flow[0] + " cannot reach " + flow[1] + " on " + port + ": no ingress rule of " + flow[1] + " admits it");
            }
        }
        return v;
    }

    /**
     * Whether the policies let traffic out of (Egress) or into (Ingress) the pod with these labels, to or from the
     * pod with the peer's labels in the same namespace, on this port. A pod no policy of that type selects is open.
     */
    static boolean allows(List<JsonNode> policies, String type, JsonNode pod, JsonNode peer, int port) {
        boolean isolated = false;
        for (JsonNode p : policies) {
            JsonNode spec = p.path("spec");
            boolean hasType = false;
            for (JsonNode t : spec.path("policyTypes")) {
                hasType |= t.asText().equals(type);
            }
            if (!spec.has("policyTypes")) {
                hasType = type.equals("Ingress") || spec.has("egress");
            }
            if (!hasType || !selects(spec.path("podSelector"), pod)) {
                continue;
            }
            isolated = true;
            String peers = type.equals("Egress") ? "to" : "from";
            for (JsonNode rule : spec.path(type.equals("Egress") ? "egress" : "ingress")) {
                boolean peerOk = !rule.has(peers) || rule.path(peers).isEmpty();
                for (JsonNode other : rule.path(peers)) {
                    peerOk |= !other.has("namespaceSelector") && !other.has("ipBlock")
                            && selects(other.path("podSelector"), peer);
                }
                boolean portOk = !rule.has("ports") || rule.path("ports").isEmpty();
                for (JsonNode ruleport : rule.path("ports")) {
                    portOk |= !ruleport.has("port") || ruleport.path("port").asInt(-1) == port;
                }
                if (peerOk && portOk) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean onlySelectsGateway(JsonNode selector, Map<String, JsonNode> deployments) {
        return onlySelects(selector, "gateway", deployments);
    }

    /** Whether the pod selector selects the pods of this Deployment and of no other. */
    private static boolean onlySelects(JsonNode selector, String deployment, Map<String, JsonNode> deployments) {
        return selectsOnly(selector, Set.of(deployment), deployments);
    }

    /** Whether the pod selector selects some of these Deployments' pods and no other Deployment's. */
    private static boolean selectsOnly(JsonNode selector, Set<String> allowed, Map<String, JsonNode> deployments) {
        boolean some = false;
        for (Map.Entry<String, JsonNode> e : deployments.entrySet()) {
            boolean selected = selects(selector, e.getValue());
            if (selected && !allowed.contains(e.getKey())) {
                return false;
            }
            some |= selected;
        }
        return some;
    }

    private static boolean isNamespace(JsonNode peer, String namespace) {
        return peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()
                .equals(namespace);
    }

    private static Set<String> names(Manifests m, String kind) {
        Set<String> names = new TreeSet<>();
        m.ofKind(kind).forEach(o -> names.add(name(o)));
        return names;
    }

    // ---------------------------------------------------------------- Kafka

    /** Every topic the services use exists; KRaft node pools; replication 3 / min ISR 2 in prod. */
    static List<String> kafka(Manifests m, Path repoRoot) {
        List<String> v = new ArrayList<>();
        List<JsonNode> kafkas = List.copyOf(m.ofKind("Kafka"));
        if (kafkas.size() != 1) {
            v.add("expected one Strimzi Kafka, found " + kafkas.size());
            return v;
        }
        JsonNode kafka = kafkas.get(0);
        String cluster = name(kafka);
        if (!kafka.path("spec").path("entityOperator").has("topicOperator")) {
            v.add(id(kafka) + ": no topic operator, so the KafkaTopics would never be created");
        }
        if (kafka.path("spec").has("zookeeper")) {
            v.add(id(kafka) + ": ZooKeeper; the platform runs Kafka in KRaft mode");
        }
        int brokers = 0;
        boolean controllers = false;
        for (JsonNode pool : m.ofKind("KafkaNodePool")) {
            if (!pool.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(cluster)) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            if (roles.contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
            controllers |= roles.contains("controller");
        }
        if (brokers == 0 || !controllers) {
            v.add(id(kafka) + ": needs KafkaNodePools with the broker and controller roles (KRaft)");
        }
        Map<String, JsonNode> topics = new java.util.TreeMap<>();
        for (JsonNode t : m.ofKind("KafkaTopic")) {
            String topic = t.path("spec").path("topicName").asText(name(t));
            topics.put(topic, t);
            if (!t.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(cluster)) {
                v.add(id(t) + ": label strimzi.io/cluster must be " + cluster);
            }
            int replicas = t.path("spec").path("replicas").asInt();
            int minIsr = t.path("spec").path("config").path("min.insync.replicas").asInt(1);
            if (replicas > brokers) {
                v.add(id(t) + ": " + replicas + " replicas but only " + brokers + " brokers");
            }
            if (minIsr > replicas) {
                v.add(id(t) + ": min.insync.replicas " + minIsr + " > replicas " + replicas + " (every write would fail)");
            }
            if (t.path("spec").path("partitions").asInt() < 1) {
                v.add(id(t) + ": partitions missing");
            }
            if (m.isProd()) {
                if (replicas < 3) {
                    v.add(id(t) + ": prod needs replication 3, has " + replicas);
                }
                if (minIsr != 2) {
                    v.add(id(t) + ": prod needs min.insync.replicas 2, has " + minIsr);
                }
            }
        }
        for (String used : topicsUsed(repoRoot)) {
            if (!topics.containsKey(used)) {
                v.add("topic " + used + " is used by a service (application.properties / contracts) but no KafkaTopic declares it");
            }
        }
        return v;
    }

    /** Whether a rule's ports are all SMTP submission ports (and there is at least one). */
    static boolean smtpOnly(JsonNode ports) {
        if (!ports.isArray() || ports.isEmpty()) {
            return false;
        }
        for (JsonNode port : ports) {
            if (!SMTP_PORTS.contains(port.path("port").asInt()) || !"TCP".equals(port.path("protocol").asText("TCP"))) {
                return false;
            }
        }
        return true;
    }

    /** Topics in the services' application.properties, and the contract's dead-letter topics. */
    static Set<String> topicsUsed(Path repoRoot) {
        Set<String> used = new TreeSet<>();
        for (String service : PORTS.keySet()) {
            Properties props = properties(repoRoot, service);
            for (String key : props.stringPropertyNames()) {
                // a service whose outbox relay is off publishes nothing (notifications-service): its outbox topic is unused
                boolean unusedOutbox = key.equals("partnership.outbox.topic")
                        && "false".equals(props.getProperty("partnership.outbox.relay-enabled"));
                if (!key.startsWith("%") && !unusedOutbox && (key.endsWith(".topic") || key.endsWith(".topics"))) {
                    for (String topic : props.getProperty(key).split(",")) {
                        if (!topic.isBlank()) {
                            used.add(topic.trim());
                        }
                    }
                }
            }
        }
        try {
            String contracts = Files.readString(repoRoot.resolve("contracts/events/README.md"));
            Matcher dlq = Pattern.compile("`([a-z]+\\.v\\d+(?:\\.dlq)?)`").matcher(contracts);
            while (dlq.find()) {
                used.add(dlq.group(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (used.isEmpty()) {
            throw new IllegalStateException("found no topics in the services' application.properties");
        }
        return used;
    }

    static Properties properties(Path repoRoot, String service) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(
                repoRoot.resolve(service).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return props;
    }

    // ---------------------------------------------------------------- configuration wiring

    /** Kafka, PostgreSQL, Keycloak and upstream addresses point at objects that exist; secrets come from Secrets. */
    static List<String> wiring(Manifests m) {
        List<String> v = new ArrayList<>();
        Set<String> kafkas = names(m, "Kafka");
        Set<String> keycloaks = names(m, "Keycloak");
        Set<String> renderedSecrets = names(m, "Secret");
        for (JsonNode d : m.ofKind("Deployment")) {
            String service = name(d);
            for (JsonNode c : d.path("spec").path("template").path("spec").path("containers")) {
                String cid = id(d);
                for (JsonNode from : c.path("envFrom")) {
                    String cm = from.path("configMapRef").path("name").asText(null);
                    if (cm != null && m.find("ConfigMap", cm).isEmpty()) {
                        v.add(cid + ": envFrom ConfigMap " + cm + " is not rendered");
                    }
                }
                Optional<String> oidc = m.env(c, "QUARKUS_OIDC_AUTH_SERVER_URL");
                if (oidc.isEmpty() || keycloaks.stream().noneMatch(
                        k -> oidc.get().equals("http://" + k + KEYCLOAK_SERVICE_SUFFIX + ":8080/realms/partnership"))) {
                    v.add(cid + ": QUARKUS_OIDC_AUTH_SERVER_URL " + oidc.orElse("(unset)")
                            + " is not the realm \"partnership\" of a Keycloak in the overlay");
                }
                if (m.env(c, "QUARKUS_LOG_CONSOLE_JSON_ENABLED").filter("true"::equals).isEmpty()) {
                    v.add(cid + ": QUARKUS_LOG_CONSOLE_JSON_ENABLED must be true (JSON logs)");
                }
                for (JsonNode env : c.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    String secret = ref.path("name").asText(null);
                    if (secret == null || secret.endsWith("-db-app")) {
                        continue;
                    }
                    boolean ok = m.isProd() ? DOCUMENTED_EXTERNAL_SECRETS.contains(secret) : renderedSecrets.contains(secret);
                    if (!ok) {
                        v.add(cid + ": secret " + secret + (m.isProd()
                                ? " is not one of the secrets k8s/README.md tells you to create " + DOCUMENTED_EXTERNAL_SECRETS
                                : " is not rendered by the overlay"));
                    }
                }
                if (service.equals("gateway")) {
                    for (String backend : BACKENDS) {
                        String key = "GATEWAY_UPSTREAMS_" + backend.replace("-service", "").toUpperCase();
                        String expected = "http://" + backend + ":" + PORTS.get(backend);
                        if (!m.env(c, key).orElse("").equals(expected) || m.find("Service", backend).isEmpty()) {
                            v.add(cid + ": " + key + " must be " + expected + " (an existing Service)");
                        }
                    }
                    continue;
                }
                if (service.equals(CONSOLE)) {
                    continue; // no Kafka, no database: see console()
                }
                Optional<String> bootstrap = m.env(c, "KAFKA_BOOTSTRAP_SERVERS");
                if (bootstrap.isEmpty() || kafkas.stream().noneMatch(k -> bootstrap.get().equals(k + "-kafka-bootstrap:9092"))) {
                    v.add(cid + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap.orElse("(unset)")
                            + " is not <cluster>-kafka-bootstrap:9092 of a Kafka in the overlay");
                }
                String db = service.replace("-service", "");
                String cluster = db + "-db";
                JsonNode pg = m.find("Cluster", cluster).orElse(null);
                if (pg == null) {
                    v.add(cid + ": no CloudNativePG Cluster " + cluster);
                } else {
                    JsonNode initdb = pg.path("spec").path("bootstrap").path("initdb");
                    if (!initdb.path("database").asText().equals(db) || !initdb.path("owner").asText().equals(db)) {
                        v.add(id(pg) + ": must bootstrap database " + db + " owned by role " + db);
                    }
                }
                String reactive = "postgresql://" + cluster + "-rw:5432/" + db;
                if (!m.env(c, "QUARKUS_DATASOURCE_REACTIVE_URL").orElse("").equals(reactive)) {
                    v.add(cid + ": QUARKUS_DATASOURCE_REACTIVE_URL must be " + reactive);
                }
                if (!m.env(c, "QUARKUS_DATASOURCE_JDBC_URL").orElse("").equals("jdbc:" + reactive)) {
                    v.add(cid + ": QUARKUS_DATASOURCE_JDBC_URL must be jdbc:" + reactive);
                }
                for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                    String ref = Manifests.secretRef(c, var).map(r -> r.path("name").asText()).orElse("");
                    if (!ref.equals(cluster + "-app")) {
                        v.add(cid + ": " + var + " must come from the CloudNativePG secret " + cluster + "-app");
                    }
                }
            }
        }
        if (m.isProd() && !m.ofKind("Secret").isEmpty()) {
            v.add("prod commits secret values: " + m.ofKind("Secret").stream().map(Manifests::id).toList());
        }
        return v;
    }

    // ---------------------------------------------------------------- web console

    /**
     * The console is wired behind the gateway: the gateway routes its pages to the console Service, the console calls
     * the API through the gateway Service, its cookie and form keys come from a Secret (dev: the realm's demo secret of
     * the "console" client), its cookies are Secure and its redirects https (TLS ends at the ingress), no database.
     */
    static List<String> console(Manifests m, Path repoRoot) {
        List<String> v = new ArrayList<>();
        Optional<ObjectNode> console = m.find("Deployment", CONSOLE);
        Optional<ObjectNode> gateway = m.find("Deployment", "gateway");
        if (console.isEmpty() || gateway.isEmpty()) {
            v.add("expected the Deployments console and gateway");
            return v;
        }
        JsonNode gatewayContainer = gateway.get().path("spec").path("template").path("spec").path("containers").path(0);
        JsonNode c = console.get().path("spec").path("template").path("spec").path("containers").path(0);
        String cid = id(console.get());
        String consoleUrl = "http://" + CONSOLE + ":" + PORTS.get(CONSOLE);
        if (!m.env(gatewayContainer, "CONSOLE_URL").orElse("").equals(consoleUrl) || !serves(m, CONSOLE, PORTS.get(CONSOLE))) {
            v.add(id(gateway.get()) + ": CONSOLE_URL must be " + consoleUrl + " (the console Service), or the gateway routes "
                    + "no console page");
        }
        String apiUrl = "http://gateway:" + PORTS.get("gateway");
        if (!m.env(c, "CONSOLE_API_URL").orElse("").equals(apiUrl) || !serves(m, "gateway", PORTS.get("gateway"))) {
            v.add(cid + ": CONSOLE_API_URL must be " + apiUrl + " (the gateway Service): the console calls the public API "
                    + "through the gateway");
        }
        for (String variable : List.of("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME",
                "QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE", "QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE")) {
            if (!m.env(c, variable).orElse("").equals("true")) {
                v.add(cid + ": " + variable + " must be true: TLS ends at the ingress, the console sees plain http");
            }
        }
        for (JsonNode env : c.path("env")) {
            if (env.path("name").asText().startsWith("QUARKUS_DATASOURCE_")) {
                v.add(cid + ": " + env.path("name").asText() + ": the console has no database");
            }
        }
        Properties props = properties(repoRoot, CONSOLE);
        Optional<JsonNode> clientSecret = Manifests.secretRef(c, environmentName(CONSOLE_KEYS.get(0)));
        for (String key : CONSOLE_KEYS) {
            String variable = environmentName(key);
            if (Manifests.secretRef(c, variable).isPresent()) {
                continue;
            }
            String value = props.getProperty(key);
            boolean derived = ("${" + CONSOLE_KEYS.get(0) + "}").equals(value) && clientSecret.isPresent();
            if (value != null && !derived) {
                v.add(cid + ": " + key + " (" + variable + ") must come from a Secret; console/application.properties "
                        + "has a built-in value" + (key.equals(CONSOLE_KEYS.get(0)) ? " (the demo secret)" : ""));
            }
        }
        if (!m.isProd() && clientSecret.isPresent()) {
            String name = clientSecret.get().path("name").asText();
            String encoded = m.find("Secret", name).map(s -> s.path("data").path(clientSecret.get().path("key").asText()).asText(""))
                    .orElse("");
            String value = new String(java.util.Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            String realmSecret = realmClientSecret(repoRoot, props.getProperty("quarkus.oidc.client-id", CONSOLE));
            if (!value.equals(realmSecret)) {
                v.add("Secret/" + name + ": the client secret differs from the demo realm's \""
                        + props.getProperty("quarkus.oidc.client-id") + "\" client (keycloak/partnership-realm.json)");
            }
        }
        return v;
    }

    private static boolean serves(Manifests m, String service, int port) {
        return m.find("Service", service).stream()
                .anyMatch(s -> Stream.of(s.path("spec").path("ports"))
                        .flatMap(ps -> java.util.stream.StreamSupport.stream(ps.spliterator(), false))
                        .anyMatch(p -> p.path("port").asInt() == port));
    }

    /** The environment variable Quarkus maps to a property: upper case, every other character an underscore. */
    static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static String realmClientSecret(Path repoRoot, String clientId) {
        try {
            JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(repoRoot.resolve("keycloak/partnership-realm.json").toFile());
            for (JsonNode client : realm.path("clients")) {
                if (client.path("clientId").asText().equals(clientId)) {
                    return client.path("secret").asText(null);
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- Keycloak realm

    /** The realm is the repository's keycloak/partnership-realm.json, byte for byte, imported by Keycloak. */
    static List<String> realm(Manifests m, Path repoRoot) {
        List<String> v = new ArrayList<>();
        String expected;
        try {
            expected = Files.readString(repoRoot.resolve("keycloak/partnership-realm.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<JsonNode> keycloaks = List.copyOf(m.ofKind("Keycloak"));
        if (keycloaks.size() != 1) {
            v.add("expected one Keycloak CR, found " + keycloaks.size());
            return v;
        }
        JsonNode pod = keycloaks.get(0).path("spec").path("unsupported").path("podTemplate").path("spec");
        JsonNode container = pod.path("containers").path(0);
        boolean imports = false;
        for (JsonNode arg : container.path("args")) {
            imports |= arg.asText().equals("--import-realm");
        }
        if (!imports) {
            v.add("Keycloak does not start with --import-realm");
        }
        String volume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/opt/keycloak/data/import")) {
                volume = mount.path("name").asText();
            }
        }
        String configMap = null;
        for (JsonNode vol : pod.path("volumes")) {
            if (vol.path("name").asText().equals(volume)) {
                configMap = vol.path("configMap").path("name").asText(null);
            }
        }
        Optional<JsonNode> cm = configMap == null ? Optional.empty() : m.find("ConfigMap", configMap).map(x -> x);
        if (cm.isEmpty()) {
            v.add("Keycloak mounts no rendered ConfigMap at /opt/keycloak/data/import");
        } else if (!expected.equals(cm.get().path("data").path("partnership-realm.json").asText())) {
            v.add(id(cm.get()) + ": partnership-realm.json differs from keycloak/partnership-realm.json");
        }
        // the realm's console clients redirect to ${PARTNERSHIP_PUBLIC_URL}: the gateway Ingress's host, over TLS
        String publicUrl = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("PARTNERSHIP_PUBLIC_URL")) {
                publicUrl = env.path("value").asText(null);
            }
        }
        String host = m.find("Ingress", "gateway").map(i -> i.path("spec").path("rules").path(0).path("host").asText(null)).orElse(null);
        if (!expected.contains("${PARTNERSHIP_PUBLIC_URL:")) {
            v.add("keycloak/partnership-realm.json: the console clients' redirect URIs do not use ${PARTNERSHIP_PUBLIC_URL:...}");
        }
        if (host == null || !("https://" + host).equals(publicUrl)) {
            v.add("Keycloak's PARTNERSHIP_PUBLIC_URL (" + publicUrl + ") is not https:// + the gateway Ingress's host (" + host
                    + "): the console's sign-in would be refused a redirect");
        }
        return v;
    }

    /** No copy of the realm under k8s/: it is referenced, not duplicated. */
    static List<String> noRealmCopy(Path repoRoot) {
        List<String> v = new ArrayList<>();
        try (Stream<Path> files = Files.walk(repoRoot.resolve("k8s"))) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(repoRoot.resolve("k8s/target")) && !f.startsWith(repoRoot.resolve("k8s/src")))
                    .forEach(f -> {
                        try {
                            String text = Files.readString(f);
                            if (text.contains("defaultDefaultClientScopes") || text.contains("\"clientScopes\"")) {
                                v.add(repoRoot.relativize(f) + " contains a copy of the realm");
                            }
                        } catch (IOException e) {
                            // binary or unreadable: not a realm copy
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    // ---------------------------------------------------------------- scale

    /** prod: >= 2 replicas, a PDB and a CPU HPA per service; dev: single replicas. */
    static List<String> scale(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            String id = id(d);
            int replicas = d.path("spec").path("replicas").asInt(1);
            if (!m.isProd()) {
                if (replicas != 1) {
                    v.add(id + ": dev runs single replicas, has " + replicas);
                }
                continue;
            }
            if (replicas < 2) {
                v.add(id + ": prod needs >= 2 replicas, has " + replicas);
            }
            JsonNode labels = podLabels(d);
            List<JsonNode> pdbs = m.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> selects(p.path("spec").path("selector"), labels)).map(JsonNode.class::cast).toList();
            if (pdbs.isEmpty()) {
                v.add(id + ": no PodDisruptionBudget");
            }
            for (JsonNode pdb : pdbs) {
                JsonNode min = pdb.path("spec").path("minAvailable");
                if (min.isInt() && min.asInt() >= 2) {
                    v.add(id(pdb) + ": minAvailable " + min.asInt() + " blocks every drain at 2 replicas");
                }
            }
            List<JsonNode> hpas = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                            && h.path("spec").path("scaleTargetRef").path("name").asText().equals(name(d)))
                    .map(JsonNode.class::cast).toList();
            if (hpas.size() != 1) {
                v.add(id + ": needs exactly one HorizontalPodAutoscaler, has " + hpas.size());
            }
            for (JsonNode hpa : hpas) {
                JsonNode spec = hpa.path("spec");
                if (spec.path("minReplicas").asInt(1) < 2) {
                    v.add(id(hpa) + ": minReplicas must be >= 2");
                }
                boolean cpu = false;
                for (JsonNode metric : spec.path("metrics")) {
                    cpu |= metric.path("type").asText().equals("Resource")
                            && metric.path("resource").path("name").asText().equals("cpu");
                }
                if (!cpu) {
                    v.add(id(hpa) + ": does not scale on CPU");
                }
            }
        }
        if (!m.isProd() && !m.ofKind("HorizontalPodAutoscaler").isEmpty()) {
            v.add("dev has HorizontalPodAutoscalers");
        }
        return v;
    }

    // ---------------------------------------------------------------- quantities

    static long bytes(String quantity) {
        Matcher q = Pattern.compile("^([0-9.]+)([KMGTE]i?|[kmgte]?)$").matcher(quantity);
        if (!q.matches()) {
            throw new IllegalArgumentException("not a memory quantity: " + quantity);
        }
        BigDecimal n = new BigDecimal(q.group(1));
        long factor = switch (q.group(2)) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "k", "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            case "" -> 1L;
            default -> throw new IllegalArgumentException("unsupported unit in " + quantity);
        };
        return n.multiply(BigDecimal.valueOf(factor)).longValue();
    }

    static long millicores(String quantity) {
        return quantity.endsWith("m") ? Long.parseLong(quantity.substring(0, quantity.length() - 1))
                : new BigDecimal(quantity).multiply(BigDecimal.valueOf(1000)).longValue();
    }
}
