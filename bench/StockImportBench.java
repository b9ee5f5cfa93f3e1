import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import shop.devstack.PortPlan;
import shop.devstack.Service;
import shop.devstack.Stack;
import shop.devstack.StackOptions;
import shop.devstack.infra.JwtKeys;
import shop.devstack.infra.TempDirs;
import shop.devstack.testing.TestTokens;

/**
 * Import speed of a 1C stock report (rows/s). Starts its own PostgreSQL, Kafka and catalog-service on free
 * ports in a temporary directory (nothing else needs to run), creates N variants with 1C codes through the
 * API, writes an .xlsx stock report with N rows laid out like 1C's (title rows, header, totals row), uploads
 * it twice and reports each job's time: the first run changes every variant (and publishes each change),
 * the second changes nothing. Besides the times it prints the SQL statements Hibernate prepared meanwhile
 * (hibernate_statements_total on the service's /q/metrics, the outbox relay's included; statements run
 * on the JDBC connection directly, such as the outbox's bulk insert, are not counted).
 *
 *   ./mvnw -B -q package -DskipTests -pl catalog-service -am
 *   java -cp "devstack/target/classes:$(cat devstack/target/launcher-classpath.txt)" bench/StockImportBench.java [rows]
 */
public class StockImportBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // printed here: the source launcher loses the stack trace of an exception thrown out of main
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path data = Files.createTempDirectory("stock-import-bench");
        StackOptions options = StackOptions.forProject(Path.of("."))
                .dataDir(data)
                .ports(PortPlan.randomFree())
                .services(EnumSet.of(Service.CATALOG))
                .progress(message -> System.out.println("  " + message));
        try (Stack stack = new Stack(options).start()) {
            String url = stack.serviceUrl(Service.CATALOG);
            String token = TestTokens.issueWithKey(JwtKeys.ensure(data.resolve("keys")).privateKey(), "1", "admin");
            System.out.printf("catalog-service at %s; creating %d variants with 1C codes...%n", url, rows);

            String run = UUID.randomUUID().toString().substring(0, 8);
            int category = id(post(url + "/api/catalog/categories", token, "{\"name\":\"Bench " + run + "\"}"));
            List<String> codes = createVariants(url, token, run, category, rows);

            byte[] report = stockReport(codes, 7);
            System.out.printf("report: %d rows, %d kB%n", rows, report.length / 1024);
            // metrics are on catalog's management interface, not its application port
            String metrics = stack.managementUrl(Service.CATALOG);
            measure(url, metrics, token, report, rows, "first import (every variant changes)");
            measure(url, metrics, token, report, rows, "same report again (nothing changes)");
        } finally {
            TempDirs.deleteRecursively(data);
        }
    }

    private static List<String> createVariants(String url, String token, String run, int category, int rows)
            throws Exception {
        int perProduct = 100;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> products = new ArrayList<>();
        for (int p = 0; p * perProduct < rows; p++) {
            int first = p * perProduct;
            int count = Math.min(perProduct, rows - first);
            int number = p;
            products.add(pool.submit(() -> {
                int product = id(post(url + "/api/catalog/products", token,
                        "{\"name\":\"Bench %s %d\",\"article\":\"B-%s-%d\",\"categoryId\":%d}"
                                .formatted(run, number, run, number, category)));
                List<String> codes = new ArrayList<>();
                for (int v = 0; v < count; v++) {
                    String code = "BENCH-" + run + "-" + (first + v);
                    post(url + "/api/catalog/products/" + product + "/variants", token,
                            "{\"price\":10.00,\"externalId\":\"" + code + "\",\"onHand\":1}");
                    codes.add(code);
                }
                return codes;
            }));
        }
        List<String> codes = new ArrayList<>();
        for (Future<List<String>> product : products) {
            codes.addAll(product.get());
        }
        pool.shutdown();
        return codes;
    }

    private static void measure(String url, String metrics, String token, byte[] report, int rows, String what)
            throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stock.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(report);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        double statementsBefore = preparedStatements(metrics);
        long began = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/catalog/stock/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String job;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        do {
            Thread.sleep(100); // polling interval of the job, not a wait for a result
            job = HTTP.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } while (!job.contains("\"status\":\"succeeded\"") && !job.contains("\"status\":\"failed\"") && Instant.now().isBefore(deadline));
        double wall = (System.nanoTime() - began) / 1e9;
        if (!job.contains("\"status\":\"succeeded\"")) {
            throw new IllegalStateException("the import did not finish: " + job);
        }
        Instant started = Instant.parse(field(job, "startedAt"));
        Instant finished = Instant.parse(field(job, "finishedAt"));
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        System.out.printf("%s: rowsApplied %s, changed %s, unknown %s, bad %s%n", what, field(job, "rowsApplied"),
                field(job, "changed"), field(job, "unknownCount"), field(job, "badCount"));
        double statements = preparedStatements(metrics) - statementsBefore;
        System.out.printf("  job %.2f s = %.0f rows/s; upload to done %.2f s = %.0f rows/s; Hibernate statements %.0f (%.2f per row)%n",
                seconds, rows / seconds, wall, rows / wall, statements, statements / rows);
    }

    /** A minimal .xlsx (inline strings, no styles) laid out like a 1C stock report. */
    static byte[] stockReport(List<String> codes, int quantity) throws IOException {
        StringBuilder sheet = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        row(sheet, 1, "Остатки товаров на складах");
        row(sheet, 3, "Номенклатура", "Характеристика", "Характеристика.Код", "Итого по всем складам");
        int r = 4;
        for (String code : codes) {
            sheet.append("<row r=\"").append(r).append("\">")
                    .append(inline("A" + r, "Товар")).append(inline("B" + r, "48 / чёрный"))
                    .append(inline("C" + r, code))
                    .append("<c r=\"D").append(r).append("\"><v>").append(quantity).append("</v></c></row>");
            r++;
        }
        row(sheet, r, "Итого");
        sheet.append("</sheetData></worksheet>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="TDSheet" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return out.toByteArray();
    }

    private static void row(StringBuilder sheet, int r, String... texts) {
        sheet.append("<row r=\"").append(r).append("\">");
        for (int i = 0; i < texts.length; i++) {
            sheet.append(inline((char) ('A' + i) + String.valueOf(r), texts[i]));
        }
        sheet.append("</row>");
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String post(String url, String token, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static final Pattern PREPARED = Pattern.compile(
            "(?m)^hibernate_statements_total\\{[^}]*status=\"prepared\"[^}]*}\\s+([0-9.eE+]+)");

    /** Statements Hibernate prepared so far (quarkus.hibernate-orm.metrics.enabled); NaN without metrics. */
    private static double preparedStatements(String managementUrl) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PREPARED.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static int id(String json) {
        return Integer.parseInt(field(json, "id"));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
