package shop.customers.address;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.problem.ProblemException;
import shop.customers.common.CustomerAccess;
import shop.customers.common.FieldProblems;
import shop.commons.patch.MergePatch;

/**
 * A customer's saved delivery addresses. Only the owner changes them; staff may read them. Another
 * customer's path is refused with 403 before anything is looked up, so a foreign caller never learns
 * whether an address exists; within one's own path an unknown address id is 404.
 */
@Path("/api/customers/{customerId}/addresses")
@Authenticated
public class AddressResource {
    private static final Set<String> PATCH_FIELDS =
            Set.of("city", "street", "house", "building", "apartment", "floor", "phone", "comment", "postcode");

    @Inject
    CustomerAccess access;

    @Inject
    Validator validator;

    @Inject
    AddressEvents events;

    @GET
    @Operation(summary = "A customer's addresses, newest first (owner or staff)")
    public Page<AddressView> list(@PathParam("customerId") long customerId, @BeanParam @Valid PageParams page) {
        access.requireOwnerOrStaff(customerId);
        return Paging.page(CustomerAddress.<CustomerAddress>find("customerId = ?1 order by id desc", customerId), page,
                AddressView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One address (owner or staff)")
    public AddressView get(@PathParam("customerId") long customerId, @PathParam("id") long id) {
        access.requireOwnerOrStaff(customerId);
        return AddressView.of(find(customerId, id));
    }

    @POST
    @Transactional
    @Operation(summary = "Save a new address (owner only)")
    public Response create(@PathParam("customerId") long customerId,
                           @Valid @NotNull(message = "a JSON body is required") AddressFields fields,
                           @Context UriInfo uri) {
        access.requireOwner(customerId);
        CustomerAddress address = new CustomerAddress();
        address.customerId = customerId;
        address.apply(fields, FieldProblems.optionalPhone("phone", fields.phone()));
        address.persist();
        events.saved(address);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(address.id)).build())
                .entity(AddressView.of(address)).build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Change some fields of an address (owner only); null clears an optional field")
    public AddressView patch(@PathParam("customerId") long customerId, @PathParam("id") long id,
                             @RequestBody(description = "the fields to change; null clears an optional one",
                                     content = @Content(schema = @Schema(implementation = AddressFields.class)))
                             JsonNode body) {
        access.requireOwner(customerId);
        CustomerAddress address = find(customerId, id);
        MergePatch patch = MergePatch.of(body, PATCH_FIELDS).constrainedBy(AddressFields.class, validator);
        MergePatch.Change<String> city = patch.text("city", true);
        MergePatch.Change<String> street = patch.text("street", true);
        MergePatch.Change<String> house = patch.text("house", true);
        MergePatch.Change<String> building = patch.text("building", false);
        MergePatch.Change<String> apartment = patch.text("apartment", false);
        MergePatch.Change<Integer> floor = patch.integer("floor", false);
        MergePatch.Change<String> phone = patch.text("phone", false);
        MergePatch.Change<String> comment = patch.text("comment", false);
        MergePatch.Change<String> postcode = patch.text("postcode", false);
        patch.requireValid();
        // the whole address goes through apply() as on create: same trimming and phone normalisation
        AddressFields fields = new AddressFields(city.orElse(address.city), street.orElse(address.street),
                house.orElse(address.house), building.orElse(address.building), apartment.orElse(address.apartment),
                floor.orElse(address.floor), phone.orElse(address.phone), comment.orElse(address.comment),
                postcode.orElse(address.postcode));
        address.apply(fields, FieldProblems.optionalPhone("phone", fields.phone()));
        events.saved(address);
        return AddressView.of(address);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete an address (owner only)")
    public Response delete(@PathParam("customerId") long customerId, @PathParam("id") long id) {
        access.requireOwner(customerId);
        CustomerAddress address = find(customerId, id);
        address.delete();
        events.removed(address);
        return Response.noContent().build();
    }

    private static CustomerAddress find(long customerId, long id) {
        return CustomerAddress.findOf(customerId, id).orElseThrow(() -> ProblemException.notFound("address", id));
    }
}
