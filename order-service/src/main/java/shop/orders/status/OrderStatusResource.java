package shop.orders.status;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import shop.commons.paging.Page;

@Path("/api/order-statuses")
public class OrderStatusResource {
    public record OrderStatusView(String code, String name, boolean system) {
    }

    @GET
    @PermitAll
    public Page<OrderStatusView> list() {
        var statuses = OrderStatus.<OrderStatus>listAll(Sort.by("position"))
                .stream().map(s -> new OrderStatusView(s.code, s.name, s.system)).toList();
        return new Page<>(statuses, statuses.size());
    }
}
