package shop.commons.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

class MergePatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("name", "note", "parentId", "price", "visible", "onHand", "ids",
            "parameters", "birthday", "floor", "chatId", "password");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Problem problem(Runnable check) {
        return assertThrows(ProblemException.class, check::run).problem();
    }

    @Test
    void absentLeavesNullClearsAValueSets() {
        MergePatch patch = MergePatch.of(json("{\"note\": null, \"parentId\": 7}"), FIELDS);
        MergePatch.Change<String> name = patch.text("name", 200, false);
        MergePatch.Change<String> note = patch.text("note", 200, false);
        MergePatch.Change<Long> parent = patch.id("parentId", false);
        patch.requireValid();
        assertFalse(name.present());
        assertEquals("kept", name.orElse("kept"));
        assertTrue(note.present());
        assertNull(note.value());
        assertEquals(7L, parent.value());
        assertTrue(patch.has("note"));
        assertFalse(patch.has("name"));
    }

    @Test
    void textIsTrimmedAndABlankOneClearsAnOptionalField() {
        MergePatch patch = MergePatch.of(json("{\"name\": \"  Dresses \", \"note\": \"   \"}"), FIELDS);
        assertEquals("Dresses", patch.text("name", 200, true).value());
        MergePatch.Change<String> note = patch.text("note", false);
        assertTrue(note.present());
        assertNull(note.value());
        patch.requireValid();
    }

    @Test
    void aRequiredFieldCannotBeClearedNorBlankAndIsRequiredOnCreation() {
        MergePatch patch = MergePatch.of(json("{\"name\": null}"), FIELDS);
        assertFalse(patch.text("name", 200, true).present());
        assertFalse(patch.id("parentId", true).present()); // absent from a patch: fine
        assertEquals(List.of(new Problem.FieldError("name", "cannot be cleared")), problem(patch::requireValid).errors());

        MergePatch blank = MergePatch.of(json("{\"name\": \" \"}"), FIELDS);
        blank.text("name", 200, true);
        assertEquals("name: must not be blank", problem(blank::requireValid).detail());

        MergePatch creation = MergePatch.creation(json("{}"), FIELDS);
        creation.text("name", 200, true);
        assertEquals("name: is required", problem(creation::requireValid).detail());
    }

    @Test
    void wrongTypesAreReportedTogetherSortedByFieldWithTheValidationProblem() {
        MergePatch patch = MergePatch.of(json("{\"visible\": \"yes\", \"name\": 5, \"price\": -1, \"other\": 1}"), FIELDS);
        patch.flag("visible");
        patch.text("name", 200, true);
        patch.decimal("price", false, 2);
        Problem problem = problem(patch::requireValid);
        assertEquals(400, problem.status());
        assertEquals("Validation failed", problem.title());
        assertEquals("name: must be a string; other: unknown field; price: must not be negative; visible: must be true or false",
                problem.detail());
        assertEquals(4, problem.errors().size());
    }

    @Test
    void aBodyThatIsNoObjectIsRefusedAtOnce() {
        Problem problem = problem(() -> MergePatch.of(json("[1]"), FIELDS));
        assertEquals(400, problem.status());
        assertEquals("the body must be a JSON object", problem.detail());
        assertThrows(ProblemException.class, () -> MergePatch.of(null, FIELDS));
    }

    @Test
    void numbersKeepTheirRules() {
        MergePatch patch = MergePatch.of(json("{\"price\": 12.5, \"onHand\": 3, \"floor\": 4, \"chatId\": 9000000000}"), FIELDS);
        assertEquals(new BigDecimal("12.50"), patch.decimal("price", true, 2).value());
        assertEquals(3, patch.count("onHand", 10).value());
        assertEquals(4, patch.integer("floor", false).value());
        assertEquals(9_000_000_000L, patch.wholeNumber("chatId", true).value());
        patch.requireValid();

        MergePatch wrong = MergePatch.of(json("{\"price\": 1.234, \"onHand\": 11, \"floor\": 1.5, \"parentId\": 0}"), FIELDS);
        wrong.decimal("price", true, 2);
        wrong.count("onHand", 10);
        wrong.integer("floor", false);
        wrong.id("parentId", false, "must be a category id or null");
        assertEquals("floor: must be a whole number; onHand: must be a whole number from 0 to 10; "
                + "parentId: must be a category id or null; price: must have at most 2 decimal places",
                problem(wrong::requireValid).detail());

        MergePatch large = MergePatch.of(json("{\"price\": 12345678901.5}"), FIELDS);
        large.decimal("price", true, 2);
        assertEquals("price: is too large", problem(large::requireValid).detail());
    }

    @Test
    void listsMapsDatesAndRawText() {
        MergePatch patch = MergePatch.of(json("{\"ids\": [3, 1, 3], \"parameters\": {\"len\": 5, \"soft\": true},"
                + " \"birthday\": \"1990-04-25\", \"password\": \" secret \"}"), FIELDS);
        assertEquals(List.of(1L, 3L), List.copyOf(patch.ids("ids").value()));
        assertEquals(Map.of("len", "5", "soft", "true"), patch.parameters("parameters").value());
        assertEquals(LocalDate.of(1990, 4, 25), patch.date("birthday", false).value());
        assertEquals(" secret ", patch.rawText("password", true).value());
        patch.requireValid();

        MergePatch nulls = MergePatch.of(json("{\"ids\": null, \"parameters\": null}"), FIELDS);
        assertTrue(nulls.ids("ids").value().isEmpty());
        assertTrue(nulls.parameters("parameters").present());

        MergePatch wrong = MergePatch.of(json("{\"ids\": [1, -2], \"birthday\": \"25.04.1990\"}"), FIELDS);
        wrong.ids("ids");
        wrong.date("birthday", false);
        assertEquals("birthday: must be a date like 1990-04-25; ids: must be a list of positive integer ids",
                problem(wrong::requireValid).detail());
    }

    @Test
    void rulesFromOutsideTheReaderJoinTheSameProblem() {
        MergePatch patch = MergePatch.of(json("{\"parentId\": 99}"), FIELDS);
        patch.id("parentId", false);
        assertFalse(patch.failed("parentId"));
        patch.fail("parentId", "category 99 does not exist");
        assertTrue(patch.failed("parentId"));
        assertEquals("parentId: category 99 does not exist", problem(patch::requireValid).detail());
        assertEquals("q: too short", MergePatch.invalid("q", "too short").problem().detail());
    }

    /** The creation body whose constraints a patch is checked against. */
    record Creation(@NotBlank(message = "must not be blank") @Size(max = 5, message = "must be at most 5 characters") String name,
                    @Max(value = 10, message = "must be at most 10") Integer floor) {
    }

    @Test
    void valuesAreCheckedWithTheConstraintsOfTheCreationBody() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        MergePatch patch = MergePatch.of(json("{\"name\": \"Too long\", \"floor\": 11, \"password\": \"x\"}"), FIELDS)
                .constrainedBy(Creation.class, validator);
        assertFalse(patch.text("name", true).present());
        assertFalse(patch.integer("floor", false).present());
        assertEquals("x", patch.rawText("password", true).value()); // not a property of the creation body: as sent
        assertEquals("floor: must be at most 10; name: must be at most 5 characters", problem(patch::requireValid).detail());

        MergePatch blank = MergePatch.of(json("{\"name\": \"  \"}"), FIELDS).constrainedBy(Creation.class, validator);
        blank.text("name", true);
        assertEquals("name: must not be blank", problem(blank::requireValid).detail());
    }
}
