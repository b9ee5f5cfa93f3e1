package shop.system;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import shop.devstack.Service;
import shop.devstack.Stack;

/**
 * Chaos as a test: orders stream through the gateway (guests and signed-in customers, cash and card,
 * some paid in the sandbox, some cancelled, scarce stock so that some are rejected) while catalog-service,
 * order-service, the Kafka broker and PostgreSQL crash and come back. Afterwards, once the platform has
 * settled, nothing may be lost or doubled: every order in a final state of the saga, catalog's
 * reservations matching the open orders one for one, no variant oversold, every outbox drained, every
 * customer mail sent as one message (a crash may repeat it, under the same Message-ID), nothing dead-lettered.
 *
 * <p>This class starts a platform of its own ({@link OwnPlatform}, not {@link RunningPlatform}'s): it kills
 * parts of it. The stream and the checks are {@link OrderStreamScenario}'s: clients retry what failed with 5xx
 * or no answer, with the same {@code Idempotency-Key}, as a real client would (docs/orders.md).
 *
 * <p>It runs beside the shared platform's classes (src/test/resources/junit-platform.properties), not beside
 * the replicas class ({@link OwnPlatform#ONE_AT_A_TIME}): most of its time is waiting for crashed parts to come
 * back, and its platform shares nothing with theirs. Its own two tests run one after the other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnPlatform.ONE_AT_A_TIME)
class ChaosSystemTest {
    private static OwnPlatform platform;
    private static Stack stack;
    private static OrderStreamScenario scenario;

    @BeforeAll
    static void startOwnPlatform() throws IOException {
        platform = OwnPlatform.start("chaos", 1, options -> OwnPlatform.quickFailover(options)
                // the stream comes from one address: the gateway's per-address limits are tested elsewhere
                .environment("SHOP_GATEWAY_RATE_LIMIT_ENABLED", "false")
                // a payment whose return callback was lost in a crash is found by the sync soon
                .environment("SHOP_PAYMENTS_SYNC_INTERVAL", "2s")
                // mails a crash left in order-service's mail outbox are sent by its schedule (10 s in the stack)
                .environment("SHOP_ORDERS_MAIL_OUTBOX_INTERVAL", "1s"));
        stack = platform.stack();
        scenario = new OrderStreamScenario(platform, "chaos", false);
        platform.adminToken();
    }

    @AfterAll
    static void stopOwnPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void ordersSurviveCrashesOfCatalogOrderServiceAndKafka() throws Exception {
        OrderStreamScenario.Fixture fixture = scenario.fixture("crash");
        progress("fixture ready");
        OrderStreamScenario.OrderStream stream = scenario.stream(fixture);
        try {
            stream.awaitPlaced(10);
            chaos("SIGKILL catalog-service");
            stack.killService(Service.CATALOG);
            stream.awaitPlaced(5); // orders are taken while catalog is down; they wait in "new"
            stack.startService(Service.CATALOG);
            chaos("catalog-service is back");
            stream.awaitPlaced(5);

            chaos("SIGKILL order-service");
            stack.killService(Service.ORDER);
            stream.awaitFailedAttempts(4); // clients see 502s and retry with the same key
            stack.startService(Service.ORDER);
            chaos("order-service is back");
            stream.awaitPlaced(5);

            chaos("SIGKILL Kafka");
            stack.killKafka();
            stream.awaitPlaced(5); // placing needs no broker: the events wait in the outbox
            stack.restartKafka();
            chaos("Kafka is back");
            stream.awaitPlaced(5);
        } finally {
            stream.stop();
            progress("stream stopped, follow-ups done");
        }
        scenario.assertNothingLostOrDoubled(fixture, stream, 1); // order-service was SIGKILLed once
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void ordersSurviveAPostgresRestartUnderLoad() throws Exception {
        OrderStreamScenario.Fixture fixture = scenario.fixture("postgres");
        progress("fixture ready");
        OrderStreamScenario.OrderStream stream = scenario.stream(fixture);
        try {
            stream.awaitPlaced(10);
            chaos("PostgreSQL crashes (immediate shutdown)");
            stack.killPostgres();
            stream.awaitFailedAttempts(4); // no database, no order: 5xx, retried
            stack.restartPostgres();
            chaos("PostgreSQL is back on the same port and data");
            stream.awaitPlaced(10); // the services' pools reconnect by themselves
        } finally {
            stream.stop();
            progress("stream stopped, follow-ups done");
        }
        scenario.assertNothingLostOrDoubled(fixture, stream);
    }

    private static void chaos(String what) {
        progress(what);
    }

    private static void progress(String what) {
        scenario.progress(what);
    }
}
