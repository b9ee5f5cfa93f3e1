package shop.devstack.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates databases and users on a running server. Needs only the port and superuser credentials,
 * so it also works from code that did not start the server itself.
 */
public final class PostgresAdmin {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final int port;
    private final String superuser;
    private final String superuserPassword;

    public PostgresAdmin(int port, String superuser, String superuserPassword) {
        this.port = port;
        this.superuser = superuser;
        this.superuserPassword = superuserPassword;
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Opens a connection with the driver directly: DriverManager cannot always see it in Quarkus' class loaders. */
    public static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return new org.postgresql.Driver().connect(jdbcUrl(port, database), properties);
    }

    /**
     * Creates the role (or resets its password) and the database it owns; only the owner may
     * connect to it, so one service cannot read another service's tables. Idempotent.
     */
    public void createDatabaseAndUser(String database, String user, String password) {
        requireIdentifier(database);
        requireIdentifier(user);
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection connection = connect(port, "postgres", superuser, superuserPassword);
             Statement statement = connection.createStatement()) {
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                statement.execute("ALTER ROLE " + user + " WITH LOGIN PASSWORD " + quotedPassword);
            } else {
                executeIgnoringDuplicate(statement, "CREATE ROLE " + user + " WITH LOGIN PASSWORD " + quotedPassword);
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                executeIgnoringDuplicate(statement, "CREATE DATABASE " + database + " OWNER " + user);
                statement.execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + database + " FROM PUBLIC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " for " + user + ": " + e.getMessage(), e);
        }
    }

    /** Drops a database (disconnecting its clients) and its owner role if they exist. */
    public void dropDatabaseAndUser(String database, String user) {
        requireIdentifier(database);
        requireIdentifier(user);
        try (Connection connection = connect(port, "postgres", superuser, superuserPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + user);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Another JVM may create the same object at the same moment; that is fine. */
    private static void executeIgnoringDuplicate(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            boolean duplicate = "42710".equals(e.getSQLState()) || "42P04".equals(e.getSQLState())
                    || "23505".equals(e.getSQLState());
            if (!duplicate) {
                throw e;
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }
}
