package shop.orders.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The four methods of Sberbank's internet-acquiring REST API the shop uses (seed 000). Every parameter,
 * the credentials included, travels in the POST form body, never in the URL. Answers are read as text:
 * the bank's content type is not always JSON. Built and guarded by {@link SberbankClient}.
 */
@Path("")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface SberbankApi {
    @POST
    @Path("/register.do")
    String register(MultivaluedMap<String, String> form);

    @POST
    @Path("/getOrderStatusExtended.do")
    String orderStatus(MultivaluedMap<String, String> form);

    @POST
    @Path("/decline.do")
    String decline(MultivaluedMap<String, String> form);

    @POST
    @Path("/refund.do")
    String refund(MultivaluedMap<String, String> form);
}
