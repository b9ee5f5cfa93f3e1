package shop.orders.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shop.commons.paging.Page;
import shop.commons.patch.MergePatch;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;
import shop.orders.order.Order;

/** Delivery types: everyone reads them (the shop shows them at checkout), staff manage them. */
@Path("/api/delivery-types")
public class DeliveryTypeResource {
    private static final Set<String> FIELDS = Set.of("name", "price", "freeFrom", "pricePerKg", "weightBands",
            "supplierSurcharge");

    /**
     * @param pricePerKg        added per kg of the goods (or weightBands, not both)
     * @param weightBands       ascending; the band the goods' weight fits in adds its price
     * @param supplierSurcharge added for every supplier of the order beyond the first; absent = 0
     */
    public record DeliveryTypeRequest(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal price,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal freeFrom,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal pricePerKg,
            @Size(max = DeliveryRule.MAX_BANDS, message = "must hold at most " + DeliveryRule.MAX_BANDS + " bands")
            List<@Valid @NotNull(message = "must not be null") Band> weightBands,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal supplierSurcharge) {
    }

    /** @param upToKg null: any weight (the last band only) */
    public record Band(@Positive(message = "must be positive")
                       @Digits(integer = 6, fraction = 3, message = "must have at most 3 decimal places") BigDecimal upToKg,
                       @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
                       @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal price) {
    }

    public record DeliveryTypeView(long id, String name, BigDecimal price, BigDecimal freeFrom, BigDecimal pricePerKg,
                                   List<WeightBand> weightBands, BigDecimal supplierSurcharge) {
        static DeliveryTypeView of(DeliveryType t) {
            return new DeliveryTypeView(t.id, t.name, t.price, t.freeFrom, t.pricePerKg,
                    t.weightBands == null ? List.of() : t.weightBands, t.supplierSurcharge);
        }
    }

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    @GET
    @PermitAll
    public Page<DeliveryTypeView> list() {
        List<DeliveryTypeView> all = DeliveryType.<DeliveryType>listAll(Sort.by("name").and("id"))
                .stream().map(DeliveryTypeView::of).toList();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public DeliveryTypeView get(@PathParam("id") long id) {
        return DeliveryTypeView.of(find(id));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public Response create(@Valid @NotNull(message = "a body is required") DeliveryTypeRequest body) {
        DeliveryType type = new DeliveryType();
        type.createdAt = Instant.now();
        apply(type, body);
        type.persistAndFlush();
        return Response.created(URI.create("/api/delivery-types/" + type.id)).entity(DeliveryTypeView.of(type)).build();
    }

    /**
     * Merge patch: absent fields stay; {@code freeFrom: null} makes delivery never free, {@code pricePerKg: null}
     * / {@code weightBands: null} drop that weight part; {@code weightBands} is replaced as a whole.
     */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public DeliveryTypeView patch(@PathParam("id") long id, JsonNode body) {
        DeliveryType type = find(id);
        MergePatch patch = MergePatch.of(body, FIELDS).constrainedBy(DeliveryTypeRequest.class, validator);
        DeliveryTypeRequest merged = new DeliveryTypeRequest(
                patch.text("name", true).orElse(type.name),
                patch.number("price", true).orElse(type.price),
                patch.number("freeFrom", false).orElse(type.freeFrom),
                patch.number("pricePerKg", false).orElse(type.pricePerKg),
                bands(patch, body).orElse(type.weightBands == null ? null : type.weightBands.stream()
                        .map(b -> new Band(b.upToKg(), b.price())).toList()),
                patch.number("supplierSurcharge", true).orElse(type.supplierSurcharge));
        patch.requireValid();
        apply(type, merged);
        type.flush();
        return DeliveryTypeView.of(type);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public void delete(@PathParam("id") long id) {
        DeliveryType type = find(id);
        if (Order.count("deliveryTypeId", id) > 0) {
            throw ProblemException.conflict("Delivery type " + id + " is used by orders and cannot be deleted");
        }
        type.delete();
    }

    private void apply(DeliveryType type, DeliveryTypeRequest body) {
        String name = body.name().trim();
        if (DeliveryType.count("lower(name) = ?1 and id <> ?2", name.toLowerCase(), type.id == null ? -1L : type.id) > 0) {
            throw ProblemException.conflict("A delivery type named " + name + " already exists");
        }
        type.name = name;
        type.price = body.price().setScale(2);
        type.freeFrom = body.freeFrom() == null ? null : body.freeFrom().setScale(2);
        type.pricePerKg = body.pricePerKg() == null ? null : body.pricePerKg().setScale(2);
        List<WeightBand> bands = body.weightBands() == null ? List.of() : body.weightBands().stream()
                .map(b -> new WeightBand(b.upToKg() == null ? null : b.upToKg().setScale(3), b.price().setScale(2))).toList();
        type.weightBands = bands.isEmpty() ? null : bands;
        type.supplierSurcharge = body.supplierSurcharge() == null ? BigDecimal.ZERO.setScale(2) : body.supplierSurcharge().setScale(2);
        type.rule(); // the rule's own consistency (ascending bands, not both weight parts): 400 naming the field
    }

    /** {@code weightBands} of a patch: a list of bands, each checked like on create; null clears them. */
    private MergePatch.Change<List<Band>> bands(MergePatch patch, JsonNode body) {
        if (!patch.has("weightBands")) {
            return new MergePatch.Change<>(false, null);
        }
        JsonNode node = body.get("weightBands");
        if (node.isNull()) {
            return new MergePatch.Change<>(true, null);
        }
        if (!node.isArray()) {
            patch.fail("weightBands", "must be a list of bands");
            return new MergePatch.Change<>(false, null);
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            try {
                Band band = json.treeToValue(node.get(i), Band.class);
                if (band == null) {
                    patch.fail("weightBands[" + i + "]", "must not be null");
                    continue;
                }
                int index = i;
                validator.validate(band).forEach(v -> patch.fail("weightBands[" + index + "]." + v.getPropertyPath(), v.getMessage()));
                bands.add(band);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                patch.fail("weightBands[" + i + "]", "must be a band: {\"upToKg\": kg, \"price\": amount}");
            }
        }
        if (bands.size() > DeliveryRule.MAX_BANDS) {
            patch.fail("weightBands", "must hold at most " + DeliveryRule.MAX_BANDS + " bands");
        }
        return new MergePatch.Change<>(true, bands);
    }

    static DeliveryType find(long id) {
        DeliveryType type = DeliveryType.findById(id);
        if (type == null) {
            throw ProblemException.notFound("delivery type", id);
        }
        return type;
    }
}
