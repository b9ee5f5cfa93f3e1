package shop.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port the stack uses. Services take consecutive ports from the gateway's: gateway +0,
 * catalog +1, order +2, customer +3, analytics +4 (see {@link Service#portOffset()}); their
 * management interfaces ({@code /q/metrics}) take the same offsets from {@code management}.
 */
public record PortPlan(int gateway, int management, int postgres, int kafka, int kafkaController, int smtp,
                       int mailbox) {
    /** Port offsets ({@link Service#portOffset()}) run from 0 to this, exclusive, in every plan. */
    public static final int MAX_APPLICATIONS = 10;

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
        java.util.Random random = new java.util.Random();
        int blocks = Math.max(1, (shop.devstack.infra.Ports.ephemeralStart() - 20000) / 30 - 1);
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20000 + random.nextInt(blocks) * 30;
            int infrastructure = base + 2 * MAX_APPLICATIONS;
            PortPlan plan = new PortPlan(base, base + MAX_APPLICATIONS, infrastructure, infrastructure + 1, infrastructure + 2,
                    infrastructure + 3, infrastructure + 4);
            if (plan.describe().keySet().stream().allMatch(shop.devstack.infra.Ports::canBind)) {
                return plan;
            }
        }
        throw new IllegalStateException("no free block of 30 ports found");
    }

    public int port(Service service) {
        return gateway + service.portOffset();
    }

    /** The application's management interface (metrics), on 127.0.0.1 only. */
    public int managementPort(Service service) {
        return management + service.portOffset();
    }

    /** What each port is for, for messages about ports already in use. */
    public Map<Integer, String> describe() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ports.put(port(service), service.module());
        }
        for (Service service : Service.values()) {
            ports.put(managementPort(service), service.module() + " management");
        }
        ports.put(postgres, "PostgreSQL");
        ports.put(kafka, "Kafka");
        ports.put(kafkaController, "the Kafka controller");
        ports.put(smtp, "SMTP");
        ports.put(mailbox, "the mailbox page");
        return ports;
    }
}
