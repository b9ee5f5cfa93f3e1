package shop.commons.events;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells failures that go away by themselves (the database restarting or unreachable, a deadlock, a lock
 * or optimistic-lock conflict) from failures that would happen again on every attempt (a payload the
 * handler cannot read, a constraint violation, a bug). Looks at the whole cause chain.
 */
public final class TransientFailures {
    /**
     * PostgreSQL SQLSTATEs outside classes 08 (connection) and 40 (rollback: deadlock, serialization)
     * that also mean "try again later": lock_not_available, admin/crash shutdown, cannot connect now
     * (starting up), too many connections, and query canceled (statement or lock timeout).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "57P01", "57P02", "57P03", "53300", "57014");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof JDBCConnectionException || cause instanceof LockAcquisitionException
                    || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException
                    || cause instanceof ConnectException || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            // Agroal's answer when no connection could be had in time (the database is down or overloaded)
            if (cause instanceof SQLException && cause.getMessage() != null
                    && cause.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || TRANSIENT_STATES.contains(state));
    }
}
