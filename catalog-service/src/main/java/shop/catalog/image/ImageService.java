package shop.catalog.image;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import shop.catalog.product.Product;
import shop.catalog.product.Variant;
import shop.commons.domain.NotFound;
import shop.commons.domain.Unavailable;
import shop.commons.problem.Problem;
import shop.commons.problem.ProblemException;

/**
 * Uploads and deletions, keeping the table and the store in step: files are written before the row
 * and removed again if the row is not committed; a deleted row's files are removed after the commit.
 * The image work itself runs outside any transaction, so no database connection waits on it.
 */
@ApplicationScoped
public class ImageService {
    private static final Logger LOG = Logger.getLogger(ImageService.class);

    @Inject
    ImageSettings settings;

    @Inject
    ImageProcessor processor;

    @Inject
    ImageStorage storage;

    public ProductImage upload(long productId, Long variantId, Integer position, Path file) {
        QuarkusTransaction.requiringNew().run(() -> checkTarget(productId, variantId));
        byte[] content = read(file);
        ImageType type = ImageType.detect(content, content.length).orElseThrow(() -> new ProblemException(
                Problem.of(415, "Unsupported Media Type", "Only JPEG, PNG and WebP images are accepted")));
        ImageProcessor.Processed processed = processor.process(content, type);

        UUID name = UUID.randomUUID();
        String originalKey = ImageKeys.original(name, type);
        String webKey = ImageKeys.web(name, processed.webType());
        try {
            storage.put(originalKey, content, type.mediaType());
            storage.put(webKey, processed.web(), processed.webType().mediaType());
        } catch (IOException e) {
            LOG.errorf(e, "could not store image %s", originalKey);
            deleteFiles(originalKey, webKey);
            throw new Unavailable("The image store is not available; try again later");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                checkTarget(productId, variantId);
                ProductImage image = new ProductImage();
                image.productId = productId;
                image.variantId = variantId;
                image.position = position != null ? position : nextPosition(productId);
                image.contentType = type.mediaType();
                image.originalKey = originalKey;
                image.webKey = webKey;
                image.width = processed.width();
                image.height = processed.height();
                image.sizeBytes = content.length;
                image.sha256 = sha256(content);
                image.persist();
                return image;
            });
        } catch (RuntimeException e) {
            deleteFiles(originalKey, webKey); // no row points at them
            throw e;
        }
    }

    /** Deletes the row, then (after the commit) both files; a file that cannot be removed is only logged. */
    public void delete(long id) {
        ProductImage image = QuarkusTransaction.requiringNew().call(() -> {
            ProductImage found = ProductImage.findById(id);
            if (found == null) {
                throw NotFound.of("image", id);
            }
            found.delete();
            return found;
        });
        deleteFiles(image.originalKey, image.webKey);
    }

    void deleteFiles(String... keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "could not delete image file %s; it is no longer referenced and can be removed by hand", key);
            }
        }
    }

    /** The product exists and is not deleted; the variant, if given, is one of its live variants. */
    static void checkTarget(long productId, Long variantId) {
        Product product = Product.findById(productId);
        if (product == null || product.deleted()) {
            throw NotFound.of("product", productId);
        }
        checkVariant(productId, variantId);
    }

    static void checkVariant(long productId, Long variantId) {
        if (variantId == null) {
            return;
        }
        Variant variant = Variant.findById(variantId);
        if (variant == null || variant.deletedAt != null || variant.productId != productId) {
            throw invalid("variantId", "variant " + variantId + " is not a variant of product " + productId);
        }
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "Validation failed", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    private static int nextPosition(long productId) {
        Integer max = ProductImage.getEntityManager()
                .createQuery("select max(i.position) from ProductImage i where i.productId = ?1", Integer.class)
                .setParameter(1, productId).getSingleResult();
        return max == null ? 0 : max + 1;
    }

    /** The upload, if it is within the size limit (checked before reading it into memory). */
    private byte[] read(Path file) {
        try {
            long size = Files.size(file);
            long max = settings.maxSize().asLongValue();
            if (size > max) {
                throw new ProblemException(Problem.of(413, "Content Too Large",
                        "The image has " + size + " bytes; at most " + max + " are accepted"));
            }
            if (size == 0) {
                throw invalid("file", "is empty");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read the uploaded file", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
