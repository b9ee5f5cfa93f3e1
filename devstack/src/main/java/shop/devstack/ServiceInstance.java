package shop.devstack;

/**
 * One instance of an application: {@code order-service#2} is the second JVM of order-service
 * ({@code ./run.sh --replicas}). Instance 1 is the one a stack without replicas runs, on the ports, log
 * file and URLs it always had.
 */
public record ServiceInstance(Service service, int number) {

    public ServiceInstance {
        if (number < 1 || number > PortPlan.MAX_INSTANCES) {
            throw new IllegalArgumentException("instance must be 1.." + PortPlan.MAX_INSTANCES + ": " + number);
        }
    }

    /** {@code order-service#2}: how messages and the status output name it. */
    public String name() {
        return service.module() + "#" + number;
    }

    /**
     * {@code order-service-2}: its {@code SHOP_INSTANCE_ID}, unique in the stack, and the prefix of its
     * Kafka client ids, so that the broker's consumer groups tell the instances apart.
     */
    public String id() {
        return service.module() + "-" + number;
    }

    /** Its log file's name without {@code .log}: the module's name for instance 1, {@code order-service-2} for the others. */
    public String logName() {
        return number == 1 ? service.module() : id();
    }
}
