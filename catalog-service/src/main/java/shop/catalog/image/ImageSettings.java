package shop.catalog.image;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** {@code shop.catalog.images.*}; the table of these settings is in docs/conventions.md. */
@ConfigMapping(prefix = "shop.catalog.images")
public interface ImageSettings {

    enum Storage { LOCAL, S3 }

    /** Where the files live: {@code local} (a directory) or {@code s3} (an S3-compatible store). */
    @WithDefault("local")
    Storage storage();

    /** The directory of the local store; devstack points it into its data directory. */
    @WithDefault(".devstack/images")
    String dir();

    /** Largest accepted upload; keep it below the gateway's body limit (10M), multipart adds a little. */
    @WithDefault("8M")
    MemorySize maxSize();

    /** Largest accepted width × height: decoding a small file that claims huge dimensions costs memory and CPU. */
    @WithDefault("40000000")
    long maxPixels();

    /** The web version fits in a square of this many pixels (never enlarged). */
    @WithDefault("800")
    int webMaxDimension();

    /** JPEG quality of the web version, 0.0-1.0. */
    @WithDefault("0.85")
    float webJpegQuality();

    S3 s3();

    interface S3 {
        /** The store's URL, e.g. http://127.0.0.1:9000 for MinIO; absent = AWS's own endpoint for the region. */
        Optional<URI> endpoint();

        @WithDefault("shop-catalog-images")
        String bucket();

        @WithDefault("us-east-1")
        String region();

        /** With the secret, static credentials; absent = the AWS SDK's default chain (AWS_ACCESS_KEY_ID, ...). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what most S3-compatible servers expect. */
        @WithDefault("true")
        boolean pathStyle();
    }
}
