package shop.catalog.category;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static shop.catalog.category.CategoryResourceTest.create;
import static shop.catalog.category.CategoryResourceTest.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import shop.devstack.testing.TestTokens;

/** Moves that would close a loop between them, sent at the same moment, never leave the tree with a cycle. */
@QuarkusTest
class CategoryMoveRaceTest {
    private static final String STAFF = TestTokens.issue("1", "manager");

    @Inject
    EntityManager em;

    private static int move(int id, Integer parentId) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"parentId\":" + parentId + "}")
                .when().patch("/api/catalog/categories/" + id).then().extract().statusCode();
    }

    private static Integer parentOf(int id) {
        return given().when().get("/api/catalog/categories/" + id).then().statusCode(200).extract().path("parentId");
    }

    @Test
    void aUnderBAndBUnderAAtOnceMoveOneAndRefuseTheOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                int a = create(unique("A"), null);
                int b = create(unique("B"), null);
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> aUnderB = pool.submit(() -> {
                    start.await();
                    return move(a, b);
                });
                Future<Integer> bUnderA = pool.submit(() -> {
                    start.await();
                    return move(b, a);
                });
                start.countDown();
                List<Integer> statuses = List.of(aUnderB.get(60, TimeUnit.SECONDS), bUnderA.get(60, TimeUnit.SECONDS));

                assertEquals(Set.of(200, 409), new HashSet<>(statuses), "round " + round + ": " + statuses);
                // the winner hangs under the loser, the loser stays at the top
                int moved = statuses.get(0) == 200 ? a : b;
                int stayed = moved == a ? b : a;
                assertEquals(stayed, parentOf(moved));
                assertNull(parentOf(stayed));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), categoriesInLoops(), "the category tree has no cycle");
    }

    @Test
    void aMoveAboveALoopLeftInTheDataIsRefusedInsteadOfWalkingForEver() {
        int a = create(unique("LoopA"), null);
        int b = create(unique("LoopB"), (long) a);
        int c = create(unique("C"), null);
        // a loop as concurrent moves could commit before they were serialised
        setParent(a, b);
        try {
            given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"parentId\":" + a + "}")
                    .when().patch("/api/catalog/categories/" + c)
                    .then().statusCode(409).contentType("application/problem+json");
            assertNull(parentOf(c));
        } finally {
            // other classes share this database: leave no loop behind
            setParent(a, null);
        }
        assertEquals(200, move(c, a));
    }

    private void setParent(int id, Integer parentId) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (parentId == null) {
                em.createNativeQuery("update category set parent_id = null where id = :id")
                        .setParameter("id", id).executeUpdate();
            } else {
                em.createNativeQuery("update category set parent_id = :p where id = :id")
                        .setParameter("p", parentId.longValue()).setParameter("id", id).executeUpdate();
            }
        });
    }

    /** Every category whose chain of parents comes back to it. */
    private List<Long> categoriesInLoops() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, parent_id from category").getResultList();
            Map<Long, Long> parents = new HashMap<>();
            rows.forEach(r -> parents.put(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue()));
            List<Long> looping = new ArrayList<>();
            for (Long id : parents.keySet()) {
                Set<Long> seen = new HashSet<>();
                Long at = id;
                while (at != null && seen.add(at)) {
                    at = parents.get(at);
                }
                if (at != null) {
                    looping.add(id);
                }
            }
            return looping;
        });
    }
}
