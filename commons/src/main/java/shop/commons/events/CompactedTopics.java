package shop.commons.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the topics a service owns as "latest state per key" (e.g. {@code catalog.variants}) are
 * compacted, so a new consumer can rebuild the full current state from the topic. Listed in
 * {@code shop.kafka.compacted-topics}; a topic that already exists is switched to compaction.
 * Kafka being unreachable at start-up is logged, not fatal: the service still starts.
 */
@ApplicationScoped
public class CompactedTopics {
    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);

    @ConfigProperty(name = "shop.kafka.compacted-topics")
    Optional<List<String>> topics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void onStart(@Observes StartupEvent start) {
        topics.filter(list -> !list.isEmpty()).ifPresent(this::ensureCompacted);
    }

    void ensureCompacted(Collection<String> names) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(config)) {
            for (String name : names) {
                NewTopic topic = new NewTopic(name, Optional.empty(), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
                    AlterConfigOp compact = new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET);
                    admin.incrementalAlterConfigs(Map.of(resource, List.of(compact))).all().get(15, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            LOG.warnf("could not make %s compacted (will stay as Kafka created them): %s", names, e.getMessage());
        }
    }
}
