package shop.catalog.browse;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import shop.catalog.cache.CatalogWriteInspector;

/**
 * Test-only: counts the SQL statements Hibernate prepares while handling one HTTP request and answers
 * the number in {@code X-Sql-Statements}. Counting per request (the request context), not globally,
 * keeps the outbox relay's scheduled queries and other tests' requests out of the number.
 */
public final class SqlStatementCounter {
    public static final String HEADER = "X-Sql-Statements";

    private SqlStatementCounter() {
    }

    /** Methods, not a field: the instance handed out is a client proxy, whose own fields are shared. */
    @RequestScoped
    public static class Count {
        private int statements;

        void increment() {
            statements++;
        }

        int statements() {
            return statements;
        }
    }

    /** A persistence unit has one statement inspector: this one counts, then does the service's own work. */
    @PersistenceUnitExtension
    @ApplicationScoped
    @Alternative
    @Priority(1)
    public static class Inspector extends CatalogWriteInspector {
        @Override
        public String inspect(String sql) {
            ManagedContext request = Arc.container().requestContext();
            if (request.isActive()) {
                Arc.container().instance(Count.class).get().increment();
            }
            return super.inspect(sql);
        }
    }

    public static class Header {
        @ServerResponseFilter
        public void addCount(ContainerResponseContext response) {
            if (Arc.container().requestContext().isActive()) {
                response.getHeaders().putSingle(HEADER, Arc.container().instance(Count.class).get().statements());
            }
        }
    }
}
