package org.partnership.stack;

/** Every port the local stack binds (all on 127.0.0.1), its default and the environment variable that moves it. */
public enum StackPort {

    POSTGRES(Component.POSTGRES, "postgres", 15432, "POSTGRES_PORT"),
    KAFKA(Component.KAFKA, "kafka", 19092, "KAFKA_PORT"),
    KAFKA_CONTROLLER(Component.KAFKA, "kafka controller", 19093, "KAFKA_CONTROLLER_PORT"),
    KEYCLOAK(Component.KEYCLOAK, "keycloak", 8180, "KEYCLOAK_PORT"),
    KEYCLOAK_MANAGEMENT(Component.KEYCLOAK, "keycloak management", 8181, "KEYCLOAK_MANAGEMENT_PORT"),
    MAIL_SMTP(Component.MAIL, "greenmail smtp", 3025, "SMTP_PORT"),
    MAIL_IMAP(Component.MAIL, "greenmail imap", 3143, "IMAP_PORT"),
    MAIL(Component.MAIL, "greenmail", 8086, "GREENMAIL_PORT"),
    PARTNERS(Component.PARTNERS, "partners-service", 8081, "PARTNERS_SERVICE_PORT"),
    PROJECTS(Component.PROJECTS, "projects-service", 8082, "PROJECTS_SERVICE_PORT"),
    RESOURCES(Component.RESOURCES, "resources-service", 8083, "RESOURCES_SERVICE_PORT"),
    NOTIFICATIONS(Component.NOTIFICATIONS, "notifications-service", 8085, "NOTIFICATIONS_SERVICE_PORT"),
    AUDIT(Component.AUDIT, "audit-service", 8084, "AUDIT_SERVICE_PORT"),
    GATEWAY(Component.GATEWAY, "gateway", 8080, "GATEWAY_PORT"),
    CONSOLE(Component.CONSOLE, "console", 8090, "CONSOLE_PORT"),
    // bound only by a stack with fault proxies (fault-injection tests, StackConfig#withFaultProxies)
    KAFKA_FAULT_LISTENER(Component.KAFKA, "kafka listener behind the fault proxy", 19094, "KAFKA_FAULT_LISTENER_PORT"),
    KAFKA_FAULT_PROXY(Component.KAFKA, "fault proxy services -> kafka", 19095, "KAFKA_FAULT_PROXY_PORT"),
    RESOURCES_FAULT_PROXY(Component.RESOURCES, "fault proxy gateway -> resources-service", 18083,
            "RESOURCES_FAULT_PROXY_PORT");

    private final Component component;
    private final String description;
    private final int defaultPort;
    private final String envVar;

    StackPort(Component component, String description, int defaultPort, String envVar) {
        this.component = component;
        this.description = description;
        this.defaultPort = defaultPort;
        this.envVar = envVar;
    }

    /** The component that binds this port. */
    public Component component() {
        return component;
    }

    /** What needs the port, for messages: "gateway", "kafka controller". */
    public String description() {
        return description;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String envVar() {
        return envVar;
    }

    /** Whether only a stack with fault proxies binds this port. */
    public boolean isFaultProxy() {
        return this == KAFKA_FAULT_LISTENER || this == KAFKA_FAULT_PROXY || this == RESOURCES_FAULT_PROXY;
    }

    /** The main (HTTP or client) port of a component. */
    public static StackPort of(Component component) {
        return switch (component) {
            case POSTGRES -> POSTGRES;
            case KAFKA -> KAFKA;
            case KEYCLOAK -> KEYCLOAK;
            case MAIL -> MAIL;
            case PARTNERS -> PARTNERS;
            case PROJECTS -> PROJECTS;
            case RESOURCES -> RESOURCES;
            case NOTIFICATIONS -> NOTIFICATIONS;
            case AUDIT -> AUDIT;
            case GATEWAY -> GATEWAY;
            case CONSOLE -> CONSOLE;
        };
    }
}
