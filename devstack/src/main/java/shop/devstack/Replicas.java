package shop.devstack;

/** Parses {@code ./run.sh --replicas}: {@code 2} (every service behind the gateway) or {@code order-service=3,catalog=2}. */
final class Replicas {

    private Replicas() {
    }

    /** Applies one {@code --replicas} argument to the options; an unknown service or count is refused. */
    static void apply(String argument, StackOptions options) {
        for (String part : argument.split(",")) {
            String item = part.trim();
            int equals = item.indexOf('=');
            if (equals < 0) {
                options.replicas(count(item, argument));
            } else {
                options.replicas(Service.byName(item.substring(0, equals).trim()), count(item.substring(equals + 1).trim(), argument));
            }
        }
    }

    private static int count(String text, String argument) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replicas " + argument + ": expected N or SERVICE=N (e.g. order-service=3)");
        }
    }
}
