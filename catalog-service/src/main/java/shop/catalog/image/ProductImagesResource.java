package shop.catalog.image;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import shop.catalog.product.Product;
import shop.catalog.product.ProductVisibility;
import shop.commons.paging.Page;
import shop.commons.paging.PageParams;
import shop.commons.paging.Paging;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/** A product's images: staff upload them; whoever may read the product lists them ({@link ProductVisibility}). */
@Path("/api/catalog/products/{productId}/images")
public class ProductImagesResource {
    @Inject
    ImageService images;

    @Inject
    ProductVisibility visibility;

    /**
     * Multipart form: {@code file} (JPEG, PNG or WebP, recognised by its content), optional
     * {@code variantId} (a variant of this product) and {@code position} (default: after the last).
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response upload(@PathParam("productId") String productId, @RestForm("file") FileUpload file,
                           @RestForm("variantId") String variantId, @RestForm("position") String position,
                           @Context UriInfo uri) {
        long product = ImageIds.parse(productId, "product");
        Long variant = optionalNumber("variantId", variantId, 1);
        Long pos = optionalNumber("position", position, 0);
        if (pos != null && pos > 100_000) {
            throw ImageService.invalid("position", "must be at most 100000");
        }
        if (file == null) {
            throw ImageService.invalid("file", "is required (a multipart part named 'file')");
        }
        ProductImage image = images.upload(product, variant, pos == null ? null : pos.intValue(), file.uploadedFile());
        ProductImageView view = ProductImageView.of(image);
        return Response.created(uri.getBaseUri().resolve(URI.create(view.url().substring(1)))).entity(view).build();
    }

    @GET
    @PermitAll
    public Page<ProductImageView> list(@PathParam("productId") String productId, @BeanParam @Valid PageParams page) {
        long id = ImageIds.parse(productId, "product");
        Product product = Product.findById(id);
        if (!visibility.canRead(product)) {
            throw ProblemException.notFound("product", id);
        }
        return Paging.page(ProductImage.<ProductImage>find("productId = ?1 order by position, id", id), page,
                ProductImageView::of);
    }

    private static Long optionalNumber(String field, String raw, long min) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min) {
                throw ImageService.invalid(field, "must be at least " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ImageService.invalid(field, "must be a whole number");
        }
    }
}
