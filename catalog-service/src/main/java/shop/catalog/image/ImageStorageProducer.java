package shop.catalog.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Picks the image store from {@code shop.catalog.images.storage}. */
@ApplicationScoped
public class ImageStorageProducer {
    private static final Logger LOG = Logger.getLogger(ImageStorageProducer.class);

    @Produces
    @ApplicationScoped
    ImageStorage storage(ImageSettings settings) throws IOException {
        if (settings.storage() == ImageSettings.Storage.S3) {
            LOG.infof("Product images in S3 bucket %s at %s", settings.s3().bucket(),
                    settings.s3().endpoint().map(Object::toString).orElse("AWS " + settings.s3().region()));
            return new S3ImageStorage(settings.s3());
        }
        LocalImageStorage local = new LocalImageStorage(Path.of(settings.dir()));
        LOG.infof("Product images in %s", local.root());
        return local;
    }

    void close(@Disposes ImageStorage storage) throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
