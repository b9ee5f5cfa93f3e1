package shop.catalog.pricelist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A price list's categories: mapped by name in any case, unknown names created once, unused ones left alone. */
class CategoryMatchingTest {
    private static PriceList.Category category(String id, String name) {
        return new PriceList.Category(id, name, 1);
    }

    @Test
    void namesAreMappedRegardlessOfCaseAndUnknownOnesAreCreatedOncePerName() {
        PriceList.Category phones = category("224", "смартфоны");
        PriceList.Category cases = category("15", "Чехлы");
        PriceList.Category casesAgain = category("16", "ЧЕХЛЫ");
        PriceList.Category toys = category("3", "Toys");
        PriceList.Category unused = category("99", "Nobody sells this");
        CategoryMatching.Result result = CategoryMatching.match(List.of(phones, cases, casesAgain, toys, unused),
                Set.of("224", "15", "16", "3"), Map.of(CategoryMatching.key("Смартфоны"), 7L));

        assertEquals(List.of(new CategoryMatching.Mapped(phones, 7L)), result.mapped());
        assertEquals(List.of(new CategoryMatching.ToCreate("Чехлы", List.of(cases, casesAgain)),
                new CategoryMatching.ToCreate("Toys", List.of(toys))), result.toCreate());
        assertEquals(List.of(unused), result.unused());
    }

    @Test
    void aListWhoseCategoriesAllExistCreatesNothing() {
        CategoryMatching.Result result = CategoryMatching.match(List.of(category("1", "Shoes")), Set.of("1"),
                Map.of("shoes", 3L));
        assertEquals(List.of(), result.toCreate());
        assertEquals(3L, result.mapped().get(0).categoryId());
    }
}
