package shop.orders.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.domain.Conflict;
import shop.commons.domain.Invalid;
import shop.commons.domain.NotFound;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.patch.MergePatch;
import shop.commons.security.Roles;

/** Promo codes: staff (admin, manager) create, list, change and delete them; customers never see the list. */
@Path("/api/promo-codes")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class PromoCodeResource {
    private static final Set<String> FIELDS = Set.of("code", "kind", "value", "minOrderTotal", "validFrom", "validUntil",
            "usageLimit", "perCustomerLimit", "active");

    /**
     * @param kind   {@code percentage} (value: 0 < percent ≤ 100) or {@code fixed} (value: the amount off the goods)
     * @param active absent: true
     */
    public record PromoCodeRequest(
            @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters")
            @Pattern(regexp = "[\\p{L}0-9_-]+", message = "must be letters, digits, - or _") String code,
            @NotNull(message = "is required") @Pattern(regexp = "percentage|fixed", message = "must be percentage or fixed") String kind,
            @NotNull(message = "is required") @DecimalMin(value = "0.01", message = "must be more than zero")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal value,
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places") BigDecimal minOrderTotal,
            Instant validFrom,
            Instant validUntil,
            @Min(value = 1, message = "must be at least 1") Integer usageLimit,
            @Min(value = 1, message = "must be at least 1") Integer perCustomerLimit,
            Boolean active) {
    }

    /** @param used the uses that count against the limit (orders not rejected nor cancelled before payment) */
    public record PromoCodeView(long id, String code, String kind, BigDecimal value, BigDecimal minOrderTotal,
                                Instant validFrom, Instant validUntil, Integer usageLimit, Integer perCustomerLimit,
                                boolean active, long used, Instant createdAt, Instant updatedAt) {
    }

    @Inject
    Validator validator;

    @Inject
    Promotions promotions;

    @POST
    @Operation(summary = "Staff: create a promo code")
    @Transactional
    public Response create(@Valid @NotNull(message = "a body is required") PromoCodeRequest body) {
        PromoCode promo = new PromoCode();
        promo.createdAt = Instant.now();
        apply(promo, body);
        promo.persistAndFlush();
        return Response.created(URI.create("/api/promo-codes/" + promo.id)).entity(view(promo)).build();
    }

    @GET
    @Operation(summary = "Staff: promo codes, newest first; active=true|false filters")
    public Page<PromoCodeView> list(@QueryParam("active") Boolean active, @BeanParam @Valid PageParams page) {
        return active == null
                ? Paging.page(PromoCode.<PromoCode>find("order by createdAt desc, id desc"), page, this::view)
                : Paging.page(PromoCode.<PromoCode>find("active = ?1 order by createdAt desc, id desc", active), page, this::view);
    }

    @GET
    @Path("/{id}")
    public PromoCodeView get(@PathParam("id") long id) {
        return view(find(id));
    }

    /** Merge patch: absent fields stay; {@code null} clears an optional one (no minimum, no limit, no window end). */
    @PATCH
    @Path("/{id}")
    @Operation(summary = "Staff: change a promo code (JSON merge patch)")
    @Transactional
    public PromoCodeView patch(@PathParam("id") long id, JsonNode body) {
        PromoCode promo = find(id);
        MergePatch patch = MergePatch.of(body, FIELDS).constrainedBy(PromoCodeRequest.class, validator);
        PromoCodeRequest merged = new PromoCodeRequest(
                patch.text("code", 40, true).orElse(promo.code),
                patch.text("kind", true).orElse(promo.kind),
                patch.number("value", true).orElse(promo.value),
                patch.number("minOrderTotal", false).orElse(promo.minOrderTotal),
                instant(patch, "validFrom", promo.validFrom),
                instant(patch, "validUntil", promo.validUntil),
                patch.integer("usageLimit", false).orElse(promo.usageLimit),
                patch.integer("perCustomerLimit", false).orElse(promo.perCustomerLimit),
                patch.flag("active").orElse(promo.active));
        patch.requireValid();
        apply(promo, merged);
        promo.flush();
        return view(promo);
    }

    /** Only a code no order has used; a used one is switched off instead ({@code active: false}), its orders keep it. */
    @DELETE
    @Path("/{id}")
    @Operation(summary = "Staff: delete a promo code no order has used")
    @Transactional
    public void delete(@PathParam("id") long id) {
        PromoCode promo = find(id);
        if (PromoCodeUse.count("promoCodeId", promo.id) > 0) {
            throw new Conflict("Promo code " + promo.code + " has been used by orders; switch it off (active: false) instead");
        }
        promo.delete();
    }

    private void apply(PromoCode promo, PromoCodeRequest body) {
        List<Invalid.Field> errors = new ArrayList<>();
        if (PromoCode.PERCENTAGE.equals(body.kind()) && body.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new Invalid.Field("value", "a percentage must be at most 100"));
        }
        if (body.validFrom() != null && body.validUntil() != null && !body.validUntil().isAfter(body.validFrom())) {
            errors.add(new Invalid.Field("validUntil", "must be after validFrom"));
        }
        if (!errors.isEmpty()) {
            throw Invalid.validation(errors);
        }
        String code = body.code().trim();
        if (PromoCode.count("lower(code) = ?1 and id <> ?2", Promotions.normalized(code), promo.id == null ? -1L : promo.id) > 0) {
            throw new Conflict("A promo code " + code + " already exists (codes are unique whatever their case)")
                    .with("code", code);
        }
        promo.code = code;
        promo.kind = body.kind();
        promo.value = body.value().setScale(2);
        promo.minOrderTotal = body.minOrderTotal() == null ? null : body.minOrderTotal().setScale(2);
        promo.validFrom = body.validFrom();
        promo.validUntil = body.validUntil();
        promo.usageLimit = body.usageLimit();
        promo.perCustomerLimit = body.perCustomerLimit();
        promo.active = body.active() == null || body.active();
        promo.updatedAt = Instant.now();
    }

    /** An ISO instant ({@code 2026-12-31T21:00:00Z}); null clears it, absent keeps {@code current}. */
    private static Instant instant(MergePatch patch, String field, Instant current) {
        MergePatch.Change<String> text = patch.text(field, false);
        if (!text.present()) {
            return current;
        }
        if (text.value() == null) {
            return null;
        }
        try {
            return Instant.parse(text.value());
        } catch (DateTimeParseException e) {
            patch.fail(field, "must be an instant like 2026-12-31T21:00:00Z");
            return current;
        }
    }

    private PromoCodeView view(PromoCode p) {
        return new PromoCodeView(p.id, p.code, p.kind, p.value, p.minOrderTotal, p.validFrom, p.validUntil, p.usageLimit,
                p.perCustomerLimit, p.active, p.id == null ? 0 : promotions.uses(p.id), p.createdAt, p.updatedAt);
    }

    private static PromoCode find(long id) {
        PromoCode promo = PromoCode.findById(id);
        if (promo == null) {
            throw NotFound.of("promo code", id);
        }
        return promo;
    }
}
