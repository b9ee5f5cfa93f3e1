package shop.analytics.geo;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import shop.commons.csv.CsvException;
import shop.commons.csv.CsvReader;
import shop.commons.domain.Invalid;

/**
 * The IP-range → country table ({@code ip_range}). A load streams the CSV into a temporary table with
 * COPY, checks it whole (every line valid, no two ranges overlapping) and only then replaces the table,
 * re-resolves the country of every recorded request and rebuilds the hourly totals — all in one
 * transaction, so readers see the old table or the new one, never a mix, and a bad file changes nothing.
 */
@ApplicationScoped
public class IpRanges {
    static final int MAX_LISTED_ERRORS = 50;
    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");
    private static final int COPY_CHUNK = 1 << 16;
    /** Two IPv6 addresses and a country fit easily; longer is not a range line (nor an unclosed quote eating the file). */
    private static final int MAX_LINE_LENGTH = 1000;

    public record Loaded(long ranges, long ipv4Ranges, long ipv6Ranges, long requestsRelocated) {
    }

    public record Summary(long ranges, long ipv4Ranges, long ipv6Ranges) {
    }

    public record Located(String ip, String country) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Large tables (millions of ranges, many recorded requests) take longer than the default minute. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Loaded replace(InputStream csv) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Invalid.Field> errors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        create temp table ip_range_load (line_no bigint, range_start inet, range_end inet,
                                                         country varchar(100)) on commit drop""");
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy ip_range_load from stdin (format csv)");
            long loaded = 0;
            try (CsvReader rows = new CsvReader(new InputStreamReader(csv, decoder), MAX_LINE_LENGTH)) {
                StringBuilder chunk = new StringBuilder(COPY_CHUNK + 512);
                for (CsvReader.Row row = next(rows, errors); row != null; row = next(rows, errors)) {
                    if (row.line() == 1 && row.fields().get(0).startsWith("ip_range_start")) {
                        continue;
                    }
                    try {
                        Range range = parse(row.fields());
                        chunk.append(row.line()).append(',').append(range.start).append(',').append(range.end)
                                .append(",\"").append(range.country.replace("\"", "\"\"")).append("\"\n");
                        loaded++;
                    } catch (IllegalArgumentException e) {
                        if (errors.size() < MAX_LISTED_ERRORS) {
                            errors.add(new Invalid.Field("line " + row.line(), e.getMessage()));
                        }
                    }
                    if (chunk.length() >= COPY_CHUNK) {
                        write(copy, chunk);
                    }
                }
                write(copy, chunk);
                copy.endCopy();
            } catch (java.nio.charset.CharacterCodingException e) {
                copy.cancelCopy();
                throw new Invalid("The CSV is not valid UTF-8");
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            if (errors.isEmpty()) {
                overlaps(connection, errors);
            }
            if (!errors.isEmpty()) {
                throw new Invalid("The IP-range table was not changed: fix these lines (the first " + MAX_LISTED_ERRORS
                        + " problems are listed)", errors);
            }
            if (loaded == 0) {
                throw new Invalid(
                        "The CSV holds no ranges; expected lines \"ip_range_start,ip_range_end,country\"");
            }
            return swap(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the IP ranges: " + e.getMessage(), e);
        }
    }

    /** The next row; null at the end and after text that is not CSV (listed: nothing after it can be read). */
    private static CsvReader.Row next(CsvReader rows, List<Invalid.Field> errors) throws IOException {
        try {
            return rows.next();
        } catch (CsvException e) {
            errors.add(new Invalid.Field("line " + e.line(), e.getMessage()));
            return null;
        }
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        if (!chunk.isEmpty()) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }

    /** Ranges sorted by start must each end before the next starts. */
    private static void overlaps(Connection connection, List<Invalid.Field> errors) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select line_no, previous_line from (
                         select line_no, range_start,
                                lag(range_end) over w as previous_end, lag(line_no) over w as previous_line
                         from ip_range_load window w as (order by range_start, line_no)) ranges
                     where previous_end >= range_start order by line_no limit %d""".formatted(MAX_LISTED_ERRORS))) {
            while (rs.next()) {
                errors.add(new Invalid.Field("line " + rs.getLong(1),
                        "overlaps the range on line " + rs.getLong(2)));
            }
        }
    }

    private static Loaded swap(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // no request may be recorded with the old table's country while the new one is going in
            statement.execute("lock table analytics_request in share row exclusive mode");
            statement.execute("truncate ip_range");
            statement.execute("insert into ip_range (range_start, range_end, country) "
                    + "select range_start, range_end, country from ip_range_load order by range_start");
            int relocated = statement.executeUpdate("""
                    update analytics_request r set country = located.country
                    from (select client_ip, %s as country
                          from (select distinct client_ip from analytics_request where client_ip is not null) ips) located
                    where r.client_ip = located.client_ip and r.country <> located.country"""
                    .formatted(shop.analytics.report.AnalyticsFacts.countryOfIp("ips.client_ip")));
            if (relocated > 0) {
                statement.execute("delete from analytics_request_hourly");
                statement.execute("""
                        insert into analytics_request_hourly (source, hour, country, category, requests, views)
                        select source, date_trunc('hour', occurred_at, 'UTC'), country, coalesce(category, ''), count(*),
                               count(*) filter (where kind in ('category', 'goods'))
                        from analytics_request group by 1, 2, 3, 4""");
            }
            Summary summary = summary(connection);
            return new Loaded(summary.ranges(), summary.ipv4Ranges(), summary.ipv6Ranges(), relocated);
        }
    }

    public Summary summary() {
        try (Connection connection = dataSource.getConnection()) {
            return summary(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Summary summary(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select count(*), count(*) filter (where family(range_start) = 4),
                            count(*) filter (where family(range_start) = 6) from ip_range""")) {
            rs.next();
            return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    public Located lookup(String ip) {
        String address = canonical(ip);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select " + shop.analytics.report.AnalyticsFacts.countryOfIp("?::inet"))) {
            statement.setString(1, address);
            statement.setString(2, address);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Located(address, rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Range(String start, String end, String country) {
    }

    private static Range parse(List<String> fields) {
        if (fields.size() != 3) {
            throw new IllegalArgumentException("expected 3 fields (ip_range_start,ip_range_end,country), found "
                    + fields.size());
        }
        InetAddress start = address(fields.get(0), "ip_range_start");
        InetAddress end = address(fields.get(1), "ip_range_end");
        if (start.getAddress().length != end.getAddress().length) {
            throw new IllegalArgumentException("start and end must both be IPv4 or both IPv6");
        }
        if (new java.math.BigInteger(1, start.getAddress()).compareTo(new java.math.BigInteger(1, end.getAddress())) > 0) {
            throw new IllegalArgumentException("ip_range_start is after ip_range_end");
        }
        String country = fields.get(2).strip();
        if (country.isEmpty() || country.length() > 100) {
            throw new IllegalArgumentException("country must be 1 to 100 characters");
        }
        return new Range(start.getHostAddress(), end.getHostAddress(), country);
    }

    /** An IPv4 or IPv6 literal; never a DNS lookup. */
    static InetAddress address(String text, String what) {
        String value = text.strip();
        try {
            if (IPV4.matcher(value).matches()) {
                return InetAddress.getByName(value);
            }
            if (value.indexOf(':') >= 0 && IPV6_CHARS.matcher(value).matches()) {
                // brackets: the JDK parses a literal and refuses anything else without a lookup
                InetAddress address = InetAddress.getByName("[" + value + "]");
                if (address.getAddress().length == 16) {
                    return address;
                }
            }
        } catch (UnknownHostException e) {
            // fall through
        }
        throw new IllegalArgumentException(what + " \"" + (value.length() > 60 ? value.substring(0, 60) : value)
                + "\" is not an IPv4 or IPv6 address");
    }

    static String canonical(String ip) {
        if (ip == null || ip.isBlank()) {
            throw new Invalid("ip is required");
        }
        try {
            return address(ip, "ip").getHostAddress();
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }
}
