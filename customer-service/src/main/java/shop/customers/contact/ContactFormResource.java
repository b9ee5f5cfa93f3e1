package shop.customers.contact;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.security.Roles;
import shop.customers.common.FieldProblems;

/** The site's contact form (seed 000): anyone writes, staff are told at once and read the list. */
@Path("/api/contact-forms")
public class ContactFormResource {
    @Inject
    Event<ContactFormView> submitted;

    @POST
    @PermitAll
    @Transactional
    @Operation(summary = "Leave a message for the shop (no sign-in); staff are notified by mail and Telegram")
    public Response submit(@Valid @NotNull(message = "a JSON body is required") ContactFormFields fields,
                           @Context UriInfo uri) {
        ContactForm form = new ContactForm();
        form.customerName = fields.customerName().trim();
        form.phone = FieldProblems.phone("phone", fields.phone());
        form.email = FieldProblems.trimToNull(fields.email());
        form.text = FieldProblems.trimToNull(fields.text());
        form.persist();
        ContactFormView view = ContactFormView.of(form);
        submitted.fire(view); // ContactFormNotifier sends once the transaction has committed
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(form.id)).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "The messages, newest first (staff)")
    public Page<ContactFormView> list(@BeanParam @Valid PageParams page) {
        return Paging.page(ContactForm.<ContactForm>find("order by createdAt desc, id desc"), page, ContactFormView::of);
    }
}
