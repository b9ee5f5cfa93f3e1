package shop.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port the stack uses. Services take consecutive ports from the gateway's: gateway +0,
 * catalog +1, order +2, customer +3, analytics +4 (see {@link Service#portOffset()}); their
 * management interfaces ({@code /q/metrics}) take the same offsets from {@code management}.
 * Instance {@code k} of a replicated service ({@code ./run.sh --replicas}) adds
 * {@code (k - 1) * }{@value #MAX_APPLICATIONS} to both: order-service#2 on 8092, management 9012.
 */
public record PortPlan(int gateway, int management, int postgres, int kafka, int kafkaController, int smtp,
                       int mailbox) {
    /** Port offsets ({@link Service#portOffset()}) run from 0 to this, exclusive, in every plan. */
    public static final int MAX_APPLICATIONS = 10;
    /** Most instances of one application ({@code --replicas}); the default plan's ports stay below 8200 and 9100. */
    public static final int MAX_INSTANCES = 9;

    /** The ports in docs/conventions.md. */
    public static PortPlan defaults() {
        return new PortPlan(8080, 9000, 54320, 19092, 19093, 2525, 8025);
    }

    /** The same plan moved by {@code offset}, e.g. for system tests next to a running devstack. */
    public PortPlan shiftedBy(int offset) {
        return new PortPlan(gateway + offset, management + offset, postgres + offset, kafka + offset,
                kafkaController + offset, smtp + offset, mailbox + offset);
    }

    /**
     * A plan of ports free right now, from 20000 up to the kernel's ephemeral range (a block of 30 at a
     * random multiple of 30: {@value #MAX_APPLICATIONS} for applications, as many for their management
     * interfaces, then the infrastructure), for tests that must
     * not collide with a developer's running stack. Never inside the ephemeral range: the services' own
     * outgoing connections could take a port there before the service meant to listen on it starts
     * (see {@link shop.devstack.infra.Ports#free()}).
     */
    public static PortPlan randomFree() {
        return randomFree(1);
    }

    /**
     * {@link #randomFree()} for up to {@code instances} instances of every application: a block of
     * {@code 20 * instances + 10} ports (applications' instances, then management, then infrastructure).
     */
    public static PortPlan randomFree(int instances) {
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("instances must be 1.." + MAX_INSTANCES + ": " + instances);
        }
        int applicationPorts = instances * MAX_APPLICATIONS;
        int size = 2 * applicationPorts + MAX_APPLICATIONS;
        java.util.Random random = new java.util.Random();
        int blocks = Math.max(1, (shop.devstack.infra.Ports.ephemeralStart() - 20000) / size - 1);
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20000 + random.nextInt(blocks) * size;
            int infrastructure = base + 2 * applicationPorts;
            PortPlan plan = new PortPlan(base, base + applicationPorts, infrastructure, infrastructure + 1, infrastructure + 2,
                    infrastructure + 3, infrastructure + 4);
            if (plan.describe(instances).keySet().stream().allMatch(shop.devstack.infra.Ports::canBind)) {
                return plan;
            }
        }
        throw new IllegalStateException("no free block of " + size + " ports found");
    }

    public int port(Service service) {
        return gateway + service.portOffset();
    }

    /** The application's management interface (metrics), on 127.0.0.1 only. */
    public int managementPort(Service service) {
        return management + service.portOffset();
    }

    /** Instance {@code instance} (1-based; 1 is {@link #port(Service)}) of a replicated application. */
    public int port(Service service, int instance) {
        return port(service) + instanceShift(instance);
    }

    /** The management interface of instance {@code instance} of an application. */
    public int managementPort(Service service, int instance) {
        return managementPort(service) + instanceShift(instance);
    }

    private static String label(Service service, int instance) {
        return instance == 1 ? service.module() : new ServiceInstance(service, instance).name();
    }

    private static int instanceShift(int instance) {
        if (instance < 1 || instance > MAX_INSTANCES) {
            throw new IllegalArgumentException("instance must be 1.." + MAX_INSTANCES + ": " + instance);
        }
        return (instance - 1) * MAX_APPLICATIONS;
    }

    /** What each port is for, for messages about ports already in use. */
    public Map<Integer, String> describe() {
        return describe(1);
    }

    /** {@link #describe()} with up to {@code instances} instances of every application. */
    public Map<Integer, String> describe(int instances) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (int instance = 1; instance <= instances; instance++) {
            for (Service service : Service.values()) {
                ports.put(port(service, instance), label(service, instance));
            }
        }
        for (int instance = 1; instance <= instances; instance++) {
            for (Service service : Service.values()) {
                ports.put(managementPort(service, instance), label(service, instance) + " management");
            }
        }
        ports.put(postgres, "PostgreSQL");
        ports.put(kafka, "Kafka");
        ports.put(kafkaController, "the Kafka controller");
        ports.put(smtp, "SMTP");
        ports.put(mailbox, "the mailbox page");
        return ports;
    }
}
