package shop.customers.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.customers.imports.ImportApi.finished;
import static shop.customers.imports.ImportApi.normalised;
import static shop.customers.imports.ImportApi.phone;
import static shop.customers.imports.ImportApi.staff;
import static shop.customers.imports.ImportApi.startCsv;
import static shop.customers.imports.ImportApi.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.contracts.EventEnvelope;
import shop.contracts.EventJson;
import shop.contracts.customers.CustomerChanged;
import shop.devstack.testing.TestTokens;

@QuarkusTest
class CsvImportTest {
    private static final String HEADER = "legacy_id,phone,first_name,last_name,email,birthday,gender,updated_at\n";

    /** A registered customer (with a password) the import will find by phone. */
    private static int register(String phone, String email) {
        return given().contentType(ContentType.JSON).body("""
                        {"firstName":"Olga","lastName":"Sidorova","email":"%s","phone":"%s","password":"secret-pass"}"""
                        .formatted(email, phone))
                .when().post("/api/customers").then().statusCode(201).extract().path("id");
    }

    @Test
    void importsTheLatestRecordPerPhoneWithCleanedNamesAndReportsEverySkip() {
        String ivan = phone(), anna = phone(), twice = phone(), taken = phone(), olga = phone();
        String ivanEmail = unique("ivan") + "@example.com";
        String usedEmail = unique("used") + "@example.com";
        int olgaId = register(olga, unique("olga") + "@example.com");
        register(phone(), usedEmail);
        String legacy = unique("L");
        String csv = HEADER
                + legacy + "-1,\"" + ivan + "\",\"  иВАН   \",петров - водкин," + ivanEmail + ",1990-05-01,м,2024-01-01T10:00:00Z\n"
                + legacy + "-2," + anna + ",Anna,-,not-an-email,,F,2024-01-01 10:00:00\n"
                + legacy + "-3,12345,Bad,Phone,,,,\n"
                + legacy + "-4," + twice + ",Old,Record,,,,2023-01-01\n"
                + legacy + "-5," + twice + ",New,Record,,,,2024-02-01\n"
                + legacy + "-6," + taken + ",123,smirnova," + usedEmail.toUpperCase() + ",,,\n"
                + legacy + "-7,only,three\n"
                + legacy + "-8," + olga + ",Olga-Maria,,,1985-03-08,,\n";

        String location = startCsv(csv);
        JsonPath job = finished(location);
        assertEquals("succeeded", job.getString("status"));
        assertEquals("csv", job.getString("source"));
        assertEquals(8, job.getInt("total"));
        assertEquals(8, job.getInt("processed"));
        assertEquals(4, job.getInt("created"));
        assertEquals(1, job.getInt("updated"));
        assertEquals(3, job.getInt("skipped"));
        assertEquals(List.of(3, 4, 7), job.getList("skippedRows.row"));
        List<String> reasons = job.getList("skippedRows.reason");
        assertEquals("phone '12345' is not a valid phone number", reasons.get(0));
        assertEquals("a newer record for phone " + normalised(twice) + " is row 5", reasons.get(1));
        assertTrue(reasons.get(2).contains("columns"), reasons.get(2));
        assertEquals(legacy + "-4", job.getString("skippedRows[1].legacyId"));
        assertEquals(List.of(2, 6), job.getList("notes.row"));
        assertTrue(job.getString("notes[0].reason").contains("not-an-email"), job.getString("notes[0].reason"));
        assertTrue(job.getString("notes[1].reason").contains("used by another customer"), job.getString("notes[1].reason"));
        assertTrue(job.getString("startedAt") != null && job.getString("finishedAt") != null);

        CustomerChanged ivanCustomer = ImportApi.registeredWithPhone(normalised(ivan));
        assertEquals("Иван", ivanCustomer.firstName());
        assertEquals("Петров-Водкин", ivanCustomer.lastName());
        assertEquals(ivanEmail, ivanCustomer.email());
        CustomerChanged annaCustomer = ImportApi.registeredWithPhone(normalised(anna));
        assertEquals("Anna", annaCustomer.firstName());
        assertNull(annaCustomer.lastName(), "'-' is a placeholder, not a name");
        assertNull(annaCustomer.email(), "an invalid email is dropped, the customer kept");
        assertEquals("New", ImportApi.registeredWithPhone(normalised(twice)).firstName());
        CustomerChanged takenCustomer = ImportApi.registeredWithPhone(normalised(taken));
        assertNull(takenCustomer.firstName(), "digits are not a name");
        assertEquals("Smirnova", takenCustomer.lastName());
        assertNull(takenCustomer.email(), "another customer's email is not taken over");

        given().auth().oauth2(staff()).when().get("/api/customers/" + olgaId)
                .then().statusCode(200).body("firstName", equalTo("Olga-Maria")).body("lastName", equalTo("Sidorova"));
    }

    @Test
    void runningTheSameImportAgainChangesNothingAndPublishesNothing() {
        String phone = phone();
        String legacy = unique("R");
        String csv = HEADER + legacy + "," + phone + ",Пётр,Иванов," + legacy + "@example.com,,M,2024-03-01T08:00:00Z\n"
                + legacy + "-bad,not a phone,,,,,,\n";
        JsonPath first = finished(startCsv(csv));
        assertEquals(1, first.getInt("created"));
        long id = ImportApi.registeredWithPhone(normalised(phone)).customerId();

        JsonPath again = finished(startCsv(csv));
        assertEquals("succeeded", again.getString("status"));
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(1, again.getInt("unchanged"));
        assertEquals(1, again.getInt("skipped"));
        given().auth().oauth2(staff()).when().get("/api/customers/" + id)
                .then().statusCode(200).body("firstName", equalTo("Пётр")).body("email", equalTo(legacy + "@example.com"));

        // a newer legacy record is a real change: exactly one CustomerUpdated, and none from the re-run before it
        String newer = HEADER + legacy + "," + phone + ",Пётр,Сидоров,,,M,2024-04-01T08:00:00Z\n";
        JsonPath changed = finished(startCsv(newer));
        assertEquals(1, changed.getInt("updated"));
        List<EventEnvelope> events = ImportApi.eventsUntilFirstUpdate(id);
        assertEquals(List.of(CustomerChanged.REGISTERED, CustomerChanged.UPDATED),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals("Сидоров", EventJson.payload(events.get(1), CustomerChanged.class).lastName());
        given().auth().oauth2(staff()).when().get("/api/customers/" + id)
                .then().statusCode(200).body("lastName", equalTo("Сидоров"))
                .body("email", equalTo(legacy + "@example.com")); // an absent email does not clear the one kept

        // and an older record than the one applied is skipped, not applied
        String older = HEADER + legacy + "," + phone + ",Павел,Иванов,,,M,2024-01-01T08:00:00Z\n";
        JsonPath stale = finished(startCsv(older));
        assertEquals(0, stale.getInt("updated"));
        assertEquals(1, stale.getInt("skipped"));
        assertTrue(stale.getString("skippedRows[0].reason").startsWith("older than"));
    }

    @Test
    void theJobIsAcceptedAtOnceAndListedForStaff() {
        String location = given().auth().oauth2(staff()).contentType("text/csv").body(HEADER + ",\"" + phone() + "\",A,B,,,,\n")
                .when().post("/api/customers/imports")
                .then().statusCode(202)
                .body("status", equalTo("queued")).body("source", equalTo("csv"))
                .header("Location", notNullValue())
                .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        finished(location);
        given().auth().oauth2(staff()).when().get("/api/customers/imports?limit=200")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.id", hasItem((int) id));
        given().auth().oauth2(staff()).when().get("/api/customers/imports/999999999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyStaffMayImport() {
        String csv = HEADER + "," + phone() + ",A,B,,,,\n";
        given().contentType("text/csv").body(csv).when().post("/api/customers/imports").then().statusCode(401);
        given().when().get("/api/customers/imports").then().statusCode(401);
        String customer = TestTokens.issue("42", "customer");
        given().auth().oauth2(customer).contentType("text/csv").body(csv)
                .when().post("/api/customers/imports").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(customer).when().get("/api/customers/imports").then().statusCode(403);
        given().auth().oauth2(customer).when().get("/api/customers/imports/1").then().statusCode(403);
    }

    @Test
    void unusableUploadsAreRefusedWithAReason() {
        given().auth().oauth2(staff()).contentType("text/csv").body("legacy_id,first_name\n1,A\n")
                .when().post("/api/customers/imports")
                .then().statusCode(400).body("detail", equalTo(
                        "The CSV header has no 'phone' column; the columns are legacy_id,phone,first_name,last_name,email,birthday,gender,updated_at"));
        given().auth().oauth2(staff()).contentType("text/csv").body("phone,nickname\n")
                .when().post("/api/customers/imports")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.startsWith("Unknown CSV column 'nickname'"));
        given().auth().oauth2(staff()).contentType("text/csv").body("")
                .when().post("/api/customers/imports").then().statusCode(400);
        given().auth().oauth2(staff()).contentType("text/csv").body("phone,first_name\n+79160000000,\"Ann\n")
                .when().post("/api/customers/imports")
                .then().statusCode(400).body("detail", equalTo("The CSV cannot be read at line 2: a quoted field is not closed"));
        given().auth().oauth2(staff()).contentType("text/csv").body(new byte[]{'p', 'h', 'o', 'n', 'e', '\n', (byte) 0xC3, '(', '\n'})
                .when().post("/api/customers/imports")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("UTF-8"));
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("source", "csv"))
                .when().post("/api/customers/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("source"));
        // this profile configures no legacy database
        given().auth().oauth2(staff()).contentType(ContentType.JSON).body(Map.of("source", "jdbc"))
                .when().post("/api/customers/imports")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("shop.legacy-import.jdbc-url"));
    }

    /** Cancellation through the API (the commons runner's one form, POST .../{id}/cancel). */
    @Test
    void aRunningImportIsCancelledAndTheRowsItAppliedStay() {
        int rows = 2000;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(unique("C")).append(',').append(phone()).append(",Anna,Petrova,,,,\n");
        }
        String location = startCsv(csv.toString());
        // queued: cancelled at once; running: asked to stop before its next row
        given().auth().oauth2(staff()).when().post(location + "/cancel")
                .then().statusCode(200).body("cancelRequested", equalTo(true));
        JsonPath job = finished(location);
        assertEquals("cancelled", job.getString("status"), job.prettify());
        assertTrue(job.getInt("processed") < rows, job.prettify());
        assertEquals(job.getInt("processed"), job.getInt("created") + job.getInt("skipped"), job.prettify());

        // a finished job has nothing to cancel; an unknown one does not exist
        given().auth().oauth2(staff()).when().post(location + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("has already finished (cancelled)"));
        given().auth().oauth2(staff()).when().post("/api/customers/imports/999999999/cancel")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.issue("2", "customer")).when().post(location + "/cancel").then().statusCode(403);
    }
}
