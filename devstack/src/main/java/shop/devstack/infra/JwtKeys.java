package shop.devstack.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair tokens are signed with (customer-service) and verified with (every service),
 * as PEM files: {@code jwt-private.pem} (PKCS#8) and {@code jwt-public.pem} (X.509 SubjectPublicKeyInfo).
 */
public final class JwtKeys {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final Path directory;

    private JwtKeys(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** Uses the key pair in {@code directory}, generating one first when either file is missing. */
    public static JwtKeys ensure(Path directory) throws IOException {
        JwtKeys keys = new JwtKeys(directory);
        if (!Files.exists(keys.privateKeyFile()) || !Files.exists(keys.publicKeyFile())) {
            keys.write(generate());
        }
        return keys;
    }

    public Path directory() {
        return directory;
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    public PrivateKey privateKey() throws IOException {
        return readPrivateKey(privateKeyFile());
    }

    public PublicKey publicKey() throws IOException {
        return readPublicKey(publicKeyFile());
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded()); // getEncoded() of an RSA private key is PKCS#8
    }

    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded()); // X.509 SubjectPublicKeyInfo
    }

    public static PrivateKey readPrivateKey(Path pemFile) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decodePem(pemFile)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PKCS#8 RSA private key: " + pemFile, e);
        }
    }

    public static PublicKey readPublicKey(Path pemFile) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(decodePem(pemFile)));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an RSA public key: " + pemFile, e);
        }
    }

    private void write(KeyPair pair) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(privateKeyFile(), toPem(pair.getPrivate()), true);
        writeAtomically(publicKeyFile(), toPem(pair.getPublic()), false);
    }

    /** Written to a temporary file and renamed, so nobody ever reads half a key. */
    private void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, content);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] decodePem(Path pemFile) throws IOException {
        String base64 = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
