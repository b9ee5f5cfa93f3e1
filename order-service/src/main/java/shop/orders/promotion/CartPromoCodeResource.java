package shop.orders.promotion;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.security.CurrentUser;
import shop.orders.cart.Cart;
import shop.orders.cart.CartOwner;
import shop.orders.cart.CartView;
import shop.orders.cart.Carts;

/**
 * The promo code of the caller's cart (a signed-in customer's, or a guest's by {@code X-Cart-Token}):
 * put in only when it can be used for the cart as it is (else 422 with the {@code reason}); the cart then
 * shows the discount per line, and the order placed from the cart takes the code.
 */
@Path("/api/cart/promo-code")
@PermitAll
public class CartPromoCodeResource {
    public record PromoCodeRequest(@NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") String code) {
    }

    @Inject
    CurrentUser user;

    @Inject
    Carts carts;

    @Inject
    Promotions promotions;

    @PUT
    @Operation(summary = "Put a promo code into the cart (replaces the one there)")
    @Transactional
    public Response put(@HeaderParam(CartOwner.HEADER) String token, @Valid @NotNull(message = "a body is required") PromoCodeRequest body) {
        CartOwner owner = CartOwner.of(user, token);
        Cart cart = carts.findOrCreate(owner);
        CartView plain = carts.view(cart.token, carts.items(cart));
        cart.promoCode = promotions.requireUsable(body.code(), plain.total(), owner.customerId());
        cart.updatedAt = java.time.Instant.now();
        return answer(cart);
    }

    @DELETE
    @Operation(summary = "Take the promo code out of the cart")
    @Transactional
    public void remove(@HeaderParam(CartOwner.HEADER) String token) {
        carts.find(CartOwner.of(user, token)).ifPresent(cart -> cart.promoCode = null);
    }

    private Response answer(Cart cart) {
        Response.ResponseBuilder response = Response.ok(carts.view(cart));
        if (cart.token != null) {
            response.header(CartOwner.HEADER, cart.token.toString());
        }
        return response.build();
    }
}
