package shop.catalog.stock;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.security.Roles;

/** Staff read the saga's state: which order holds, released or bought how much of which variant. */
@Path("/api/catalog/stock/reservations")
public class ReservationResource {
    private static final String ID = "\\d{1,18}";
    private static final String ID_MESSAGE = "must be a positive whole number";

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Page<ReservationView> list(
            @QueryParam("orderId") @Pattern(regexp = ID, message = ID_MESSAGE) String orderId,
            @QueryParam("variantId") @Pattern(regexp = ID, message = ID_MESSAGE) String variantId,
            @QueryParam("state") @Pattern(regexp = "reserved|released|sold|returned",
                    message = "must be reserved, released, sold or returned") String state,
            @BeanParam @Valid PageParams page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (orderId != null) {
            where.add("orderId = :orderId");
            params.and("orderId", Long.parseLong(orderId));
        }
        if (variantId != null) {
            where.add("variantId = :variantId");
            params.and("variantId", Long.parseLong(variantId));
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Paging.page(StockReservation.<StockReservation>find(query + " order by id desc", params), page,
                ReservationView::of);
    }
}
