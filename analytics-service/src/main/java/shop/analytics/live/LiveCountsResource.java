package shop.analytics.live;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import shop.commons.security.Roles;

/** Totals of what analytics has seen live; staff only, like every report. */
@Path("/api/analytics/live/counts")
public class LiveCountsResource {
    @Inject
    LiveCounters counters;

    public record LiveCounts(long categoriesCreated, long requestsObserved) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public LiveCounts counts() {
        return new LiveCounts(counters.value(LiveCounters.CATEGORIES_CREATED),
                counters.value(LiveCounters.REQUESTS_OBSERVED));
    }
}
