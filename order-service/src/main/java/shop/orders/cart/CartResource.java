package shop.orders.cart;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import shop.commons.problem.ProblemException;
import shop.commons.security.CurrentUser;
import shop.commons.security.Roles;
import shop.orders.delivery.DeliveryPricing;

/**
 * The cart of a signed-in customer (bearer token with the customer role) or of a guest. A guest's
 * first write creates a cart and answers its token in the {@code X-Cart-Token} response header and
 * the {@code token} field; the guest sends it back in the {@code X-Cart-Token} request header. Prices
 * and totals are always the server's, from the catalog read model.
 */
@Path("/api/cart")
@PermitAll
public class CartResource {
    public static final int MAX_QUANTITY = 10_000;

    public record CartItemRequest(@NotNull(message = "is required") @Positive(message = "must be a positive id") Long variantId,
                                  @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
                                  @Max(value = MAX_QUANTITY, message = "must be at most " + MAX_QUANTITY) Integer quantity) {
    }

    public record CartRequest(@NotNull(message = "is required") @Size(max = 200, message = "at most 200 lines")
                              List<@Valid @NotNull(message = "must not be null") CartItemRequest> items) {
    }

    public record QuantityRequest(@NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
                                  @Max(value = MAX_QUANTITY, message = "must be at most " + MAX_QUANTITY) Integer quantity) {
    }

    public record MergeRequest(@NotNull(message = "is required") String token) {
    }

    @Inject
    CurrentUser user;

    @Inject
    Carts carts;

    @Inject
    DeliveryPricing delivery;

    @GET
    @Transactional
    public Response get(@HeaderParam(CartOwner.HEADER) String token,
                        @Parameter(description = "price delivery by this type: the answer's delivery and grandTotal")
                        @QueryParam("deliveryTypeId") Long deliveryTypeId) {
        Cart cart = carts.find(owner(token)).orElse(null);
        if (deliveryTypeId == null) {
            return answer(cart);
        }
        // delivery by the chosen type, priced as the order will be (DeliveryPricing, the same rule and parcel)
        CartView view = carts.view(cart);
        List<DeliveryPricing.Item> orderable = view.items().stream().filter(CartView.Line::orderable)
                .map(l -> new DeliveryPricing.Item(l.variantId(), l.quantity())).toList();
        return answer(cart, view.withDelivery(delivery.quote(DeliveryPricing.type(deliveryTypeId), view.goodsTotal(), orderable)));
    }

    @PUT
    @Operation(summary = "Replace the cart's content")
    @Transactional
    public Response replace(@HeaderParam(CartOwner.HEADER) String token, @Valid @NotNull(message = "a body is required") CartRequest body) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        for (CartItemRequest item : body.items()) {
            if (quantities.put(item.variantId(), item.quantity()) != null) {
                throw ProblemException.badRequest("items: variant " + item.variantId() + " is listed twice");
            }
        }
        Cart cart = carts.findOrCreate(owner(token));
        carts.replace(cart, quantities);
        return answer(cart);
    }

    @DELETE
    @Operation(summary = "Empty the cart")
    @Transactional
    public void clear(@HeaderParam(CartOwner.HEADER) String token) {
        carts.find(owner(token)).ifPresent(carts::clear);
    }

    @PUT
    @Path("/items/{variantId}")
    @Operation(summary = "Set the quantity of one variant (adds it when missing)")
    @Transactional
    public Response setItem(@HeaderParam(CartOwner.HEADER) String token, @PathParam("variantId") long variantId,
                            @Valid @NotNull(message = "a body is required") QuantityRequest body) {
        Cart cart = carts.findOrCreate(owner(token));
        carts.setItem(cart, variantId, body.quantity());
        return answer(cart);
    }

    @DELETE
    @Path("/items/{variantId}")
    @Transactional
    public void removeItem(@HeaderParam(CartOwner.HEADER) String token, @PathParam("variantId") long variantId) {
        carts.find(owner(token)).ifPresent(cart -> carts.removeItem(cart, variantId));
    }

    @POST
    @Path("/merge")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Take a guest cart over into the signed-in customer's cart (at sign-in)")
    @Transactional
    public Response merge(@Valid @NotNull(message = "a body is required") MergeRequest body) {
        CartOwner owner = owner(null);
        if (!owner.isCustomer()) {
            throw ProblemException.badRequest("Only a signed-in customer can take a guest cart over");
        }
        Cart guestCart = carts.find(new CartOwner(null, CartOwner.parseToken(body.token())))
                .orElseThrow(() -> ProblemException.notFound("guest cart", body.token()));
        Cart cart = carts.findOrCreate(owner);
        carts.merge(cart, guestCart);
        return answer(cart);
    }

    private CartOwner owner(String token) {
        return CartOwner.of(user, token);
    }

    private Response answer(Cart cart) {
        return answer(cart, carts.view(cart));
    }

    private Response answer(Cart cart, CartView view) {
        Response.ResponseBuilder response = Response.ok(view);
        if (cart != null && cart.token != null) {
            response.header(CartOwner.HEADER, cart.token.toString());
        }
        return response.build();
    }
}
