package shop.analytics.geo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import shop.commons.security.Roles;

/**
 * The IP-range country table, for staff: {@code POST} a CSV {@code ip_range_start,ip_range_end,country}
 * (IPv4 and IPv6, header line optional, the layout of the ip-location-db project) to replace it whole.
 */
@Path("/api/analytics/ip-ranges")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class IpRangeResource {
    @Inject
    IpRanges ranges;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public IpRanges.Loaded replace(InputStream csv) throws IOException {
        return ranges.replace(csv);
    }

    @GET
    public IpRanges.Summary summary() {
        return ranges.summary();
    }

    /** The country an address counts for in the reports ("unknown" when no range holds it). */
    @GET
    @Path("/lookup")
    public IpRanges.Located lookup(@QueryParam("ip") String ip) {
        return ranges.lookup(ip);
    }
}
