package shop.catalog.pricelist;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import shop.catalog.product.Variant;
import shop.commons.problem.Problem;

/**
 * Reads a price list safely: SnakeYAML only composes the document into nodes (no constructor runs, so no
 * tag ever becomes an object), with limits on code points, nesting depth and aliases; then the nodes are
 * checked against the seed 002 shape. Every problem is collected with its line, so a supplier sees all of
 * them at once.
 */
public final class PriceListYaml {
    static final int MAX_OFFER_ID = 80;
    private static final java.util.regex.Pattern OFFER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
    /** Plain data only: a tag outside these (e.g. {@code !!javax.script.ScriptEngineManager}) is an error. */
    private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
    private static final Set<String> TOP = Set.of("shop", "categories", "goods");
    private static final Set<String> CATEGORY = Set.of("id", "name");
    private static final Set<String> GOODS = Set.of("id", "category", "model", "name", "price", "price_rrc",
            "quantity", "parameters");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private PriceListYaml() {
    }

    /** The document's price list, or {@link PriceListException} listing every problem with its line. */
    public static PriceList parse(String text, int maxCodePoints) {
        PriceListYaml reader = new PriceListYaml();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(maxCodePoints);
            // the shape is three levels deep (goods -> offer -> parameters); leave room for a clear message
            options.setNestingDepthLimit(10);
            // aliases of collections are how "billion laughs" multiplies; a price list needs none
            options.setMaxAliasesForCollections(0);
            options.setAllowRecursiveKeys(false);
            options.setAllowDuplicateKeys(false);
            options.setTagInspector(tag -> false);
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new PriceListException("The price list is not valid YAML", List.of(new Problem.FieldError("",
                    (mark == null ? "" : "line " + (mark.getLine() + 1) + ": ") + e.getProblem())));
        } catch (YAMLException e) {
            throw new PriceListException("The price list is not valid YAML",
                    List.of(new Problem.FieldError("", e.getMessage())));
        }
        if (root == null) {
            throw new PriceListException("The price list is empty", List.of(new Problem.FieldError("", "empty document")));
        }
        PriceList list = reader.priceList(root);
        if (!reader.errors.isEmpty()) {
            throw PriceListException.invalid(reader.errors);
        }
        return list;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void fail(String field, Node node, String message) {
        errors.add(PriceListException.error(field, line(node), message));
    }

    private boolean plain(String field, Node node) {
        if (!PLAIN.contains(node.getTag())) {
            fail(field, node, "the tag " + node.getTag() + " is not allowed: a price list holds plain data only");
            return false;
        }
        return true;
    }

    /** The keys of a mapping node with their values; unknown or repeated keys are errors. */
    private Map<String, Node> fields(String field, Node node, Set<String> allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        if (!plain(field, node)) {
            return fields;
        }
        if (!(node instanceof MappingNode map)) {
            fail(field, node, "must be a mapping of " + String.join(", ", allowed.stream().sorted().toList()));
            return fields;
        }
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(field, tuple.getKeyNode());
            if (key == null) {
                continue;
            }
            String path = field.isEmpty() ? key : field + "." + key;
            if (!allowed.contains(key)) {
                fail(path, tuple.getKeyNode(), "unknown field");
            } else if (fields.put(key, tuple.getValueNode()) != null) {
                fail(path, tuple.getKeyNode(), "appears twice");
            }
        }
        return fields;
    }

    /** A scalar's text, null (with an error) for anything else; a YAML null is null without an error. */
    private String scalar(String field, Node node) {
        if (!plain(field, node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            fail(field, node, "must be a single value");
            return null;
        }
        return node.getTag().equals(Tag.NULL) ? null : scalar.getValue();
    }

    private List<Node> sequence(String field, Node node) {
        if (node == null || !plain(field, node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            fail(field, node, "must be a list");
            return List.of();
        }
        return seq.getValue();
    }

    private String text(String field, Node node, Node parent, int max, boolean required) {
        String value = node == null ? null : scalar(field, node);
        if (value != null) {
            value = value.trim();
        }
        if (value == null || value.isEmpty()) {
            if (required && (node == null || node instanceof ScalarNode)) {
                fail(field, node == null ? parent : node, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            fail(field, node, "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    private BigDecimal money(String field, Node node, Node parent, boolean required) {
        String value = text(field, node, parent, 40, required);
        if (value == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            fail(field, node, "must be a number");
            return null;
        }
        if (amount.signum() < 0) {
            fail(field, node, "must not be negative");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            fail(field, node, "must have at most 2 decimal places");
            return null;
        }
        if (amount.precision() - amount.scale() > 10) {
            fail(field, node, "is too large");
            return null;
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private PriceList priceList(Node root) {
        Map<String, Node> top = fields("", root, TOP);
        if (!errors.isEmpty()) {
            return null;
        }
        String shop = text("shop", top.get("shop"), root, 200, false);
        if (!top.containsKey("goods")) {
            fail("goods", root, "is required");
        }
        List<PriceList.Category> categories = new ArrayList<>();
        Set<String> categoryIds = new HashSet<>();
        List<Node> categoryNodes = sequence("categories", top.get("categories"));
        for (int i = 0; i < categoryNodes.size(); i++) {
            String path = "categories[" + i + "]";
            Node node = categoryNodes.get(i);
            Map<String, Node> f = fields(path, node, CATEGORY);
            String id = text(path + ".id", f.get("id"), node, 100, true);
            String name = text(path + ".name", f.get("name"), node, 200, true);
            if (id != null && !categoryIds.add(id)) {
                fail(path + ".id", f.get("id"), "category " + id + " appears twice");
            }
            if (id != null && name != null) {
                categories.add(new PriceList.Category(id, name, line(node)));
            }
        }
        List<PriceList.Offer> offers = new ArrayList<>();
        Map<String, Integer> offerLines = new HashMap<>();
        List<Node> goods = sequence("goods", top.get("goods"));
        for (int i = 0; i < goods.size(); i++) {
            PriceList.Offer offer = offer("goods[" + i + "]", goods.get(i), categoryIds);
            if (offer != null) {
                Integer seen = offerLines.putIfAbsent(offer.id(), offer.line());
                if (seen != null) {
                    fail("goods[" + i + "].id", goods.get(i), "offer " + offer.id() + " already appears on line " + seen);
                } else {
                    offers.add(offer);
                }
            }
        }
        return new PriceList(shop, categories, offers);
    }

    private PriceList.Offer offer(String path, Node node, Set<String> categoryIds) {
        int before = errors.size();
        Map<String, Node> f = fields(path, node, GOODS);
        if (errors.size() > before && f.isEmpty()) {
            return null;
        }
        String id = text(path + ".id", f.get("id"), node, MAX_OFFER_ID, true);
        if (id != null && !OFFER_ID.matcher(id).matches()) {
            // offer ids become articles, which are unique regardless of case: keep them plain ASCII
            fail(path + ".id", f.get("id"), "must be letters, digits and . _ : / - (no spaces)");
            id = null;
        }
        String category = text(path + ".category", f.get("category"), node, 100, true);
        if (category != null && !categoryIds.contains(category)) {
            fail(path + ".category", f.get("category"), "category " + category + " is not among the list's categories");
        }
        String model = text(path + ".model", f.get("model"), node, 300, false);
        String name = text(path + ".name", f.get("name"), node, 300, true);
        BigDecimal price = money(path + ".price", f.get("price"), node, true);
        BigDecimal priceRrc = money(path + ".price_rrc", f.get("price_rrc"), node, false);
        int quantity = 0;
        String q = text(path + ".quantity", f.get("quantity"), node, 20, false);
        if (q != null) {
            try {
                quantity = Integer.parseInt(q);
                if (quantity < 0) {
                    fail(path + ".quantity", f.get("quantity"), "must not be negative");
                } else if (quantity > Variant.MAX_ON_HAND) {
                    fail(path + ".quantity", f.get("quantity"), "must be at most " + Variant.MAX_ON_HAND);
                }
            } catch (NumberFormatException e) {
                fail(path + ".quantity", f.get("quantity"), q.matches("\\d+") ? "must be at most " + Variant.MAX_ON_HAND
                        : "must be a whole number");
            }
        }
        Map<String, String> parameters = parameters(path + ".parameters", f.get("parameters"));
        if (errors.size() > before) {
            return null;
        }
        return new PriceList.Offer(id, category, model, name, price, priceRrc, quantity, parameters, line(node));
    }

    /** Free-form name -> value (seed 002), as products keep them: text of at most 200 / 1000 characters. */
    private Map<String, String> parameters(String path, Node node) {
        Map<String, String> parameters = new TreeMap<>();
        if (node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()))) {
            return parameters;
        }
        if (!plain(path, node)) {
            return parameters;
        }
        if (!(node instanceof MappingNode map)) {
            fail(path, node, "must be a mapping of name -> value");
            return parameters;
        }
        for (NodeTuple tuple : map.getValue()) {
            String name = scalar(path, tuple.getKeyNode());
            if (name == null || name.isBlank() || name.trim().length() > 200) {
                fail(path, tuple.getKeyNode(), "names must be non-blank and at most 200 characters");
                continue;
            }
            name = name.trim();
            String value = scalar(path + "." + name, tuple.getValueNode());
            if (value == null || value.length() > 1000) {
                fail(path + "." + name, tuple.getValueNode(), "must be a value of at most 1000 characters");
                continue;
            }
            if (parameters.put(name, value) != null) {
                fail(path + "." + name, tuple.getKeyNode(), "appears twice");
            }
        }
        return parameters;
    }
}
