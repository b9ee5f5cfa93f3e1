package shop.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import shop.devstack.testing.JwtResource;
import shop.devstack.testing.KafkaResource;
import shop.devstack.testing.PostgresResource;
import shop.devstack.testing.TelegramStandIn;

/**
 * Real PostgreSQL, a real Kafka broker, a generated JWT key pair and a local stand-in for the Telegram Bot
 * API (the errors chat, {@code ErrorReportsTest}) for every test of this service (the annotations apply to
 * all test classes, so the application starts once).
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(JwtResource.class)
@QuarkusTestResource(TelegramStandIn.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
