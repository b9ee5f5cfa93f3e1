package shop.catalog.image;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import shop.catalog.product.Product;
import shop.catalog.product.ProductVisibility;
import shop.commons.patch.MergePatch;
import shop.commons.problem.ProblemException;
import shop.commons.security.Roles;

/**
 * One image: its bytes (original and web version) for everyone while its product is public (else staff and its supplier's users), changes
 * and deletion for staff. The bytes behind an id never change, so they are cacheable for a year.
 */
@Path("/api/catalog/images/{id}")
public class ImageResource {
    private static final Logger LOG = Logger.getLogger(ImageResource.class);
    private static final Set<String> PATCH_FIELDS = Set.of("position", "variantId");

    @Inject
    ImageService images;

    @Inject
    ImageStorage storage;

    @Inject
    ProductVisibility visibility;

    @GET
    @PermitAll
    public Response original(@PathParam("id") String id, @Context Request request) {
        ProductImage image = readable(id);
        return serve(image, image.originalKey, image.contentType, new EntityTag(image.sha256), request);
    }

    /** The resized version; its tag is the original's with "-web": a web version never changes either. */
    @GET
    @Path("/web")
    @PermitAll
    public Response web(@PathParam("id") String id, @Context Request request) {
        ProductImage image = readable(id);
        String contentType = ImageType.byKey(image.webKey).orElse(ImageType.JPEG).mediaType();
        return serve(image, image.webKey, contentType, new EntityTag(image.sha256 + "-web"), request);
    }

    /** Merge-patch of {@code position} and {@code variantId} (null detaches it from its variant). */
    @PATCH
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Transactional
    public ProductImageView patch(@PathParam("id") String id, JsonNode body) {
        ProductImage image = ProductImage.findById(ImageIds.parse(id, "image"));
        if (image == null) {
            throw new ProblemException(Response.Status.NOT_FOUND, "There is no image with this id");
        }
        MergePatch patch = MergePatch.of(body, PATCH_FIELDS);
        MergePatch.Change<Integer> position = patch.count("position", 100_000);
        MergePatch.Change<Long> variant = patch.id("variantId", false, "must be the id of a variant of the image's product, or null");
        patch.requireValid();
        if (variant.present()) {
            ImageService.checkVariant(image.productId, variant.value());
            image.variantId = variant.value();
        }
        position.ifPresent(p -> image.position = p);
        return ProductImageView.of(image);
    }

    /** Removes the image and both its files. */
    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public void delete(@PathParam("id") String id) {
        images.delete(ImageIds.parse(id, "image"));
    }

    /** The image, if the caller may read its product ({@link ProductVisibility}). */
    private ProductImage readable(String rawId) {
        ProductImage image = ProductImage.findById(ImageIds.parse(rawId, "image"));
        if (image == null || !visibility.canRead(Product.findById(image.productId))) {
            throw new ProblemException(Response.Status.NOT_FOUND, "There is no image with this id");
        }
        return image;
    }

    private static boolean publicImage(ProductImage image) {
        Product product = Product.findById(image.productId);
        return product != null && ProductVisibility.isPublic(product);
    }

    private Response serve(ProductImage image, String key, String contentType, EntityTag tag, Request request) {
        // an image the public may not see (hidden product, inactive supplier): no shared cache may keep it
        String cache = (publicImage(image) ? "public" : "private") + ", max-age=31536000, immutable";
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        Optional<ImageStorage.StoredFile> file;
        try {
            file = storage.get(key);
        } catch (IOException e) {
            LOG.errorf(e, "could not read image file %s", key);
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "The image store is not available; try again later");
        }
        if (file.isEmpty()) {
            LOG.errorf("image %d: file %s is missing from the store", image.id, key);
            throw new ProblemException(Response.Status.NOT_FOUND, "The file of image " + image.id + " is missing");
        }
        return Response.ok(file.get().content(), contentType)
                .header(HttpHeaders.CONTENT_LENGTH, file.get().length())
                .header("X-Content-Type-Options", "nosniff")
                .tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }
}
