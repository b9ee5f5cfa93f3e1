package shop.devstack.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesAMatchingPemPairOnce() throws Exception {
        JwtKeys keys = JwtKeys.ensure(dir.resolve("keys"));
        String privatePem = Files.readString(keys.privateKeyFile());
        String publicPem = Files.readString(keys.publicKeyFile());

        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"), privatePem);
        assertTrue(privatePem.endsWith("-----END PRIVATE KEY-----\n"));
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"), publicPem);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKeyFile())));
        assertEquals(2048, ((RSAPublicKey) keys.publicKey()).getModulus().bitLength());

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.privateKey());
        signer.update(new byte[]{1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.publicKey());
        verifier.update(new byte[]{1, 2, 3});
        assertTrue(verifier.verify(signature), "the files are one key pair");

        JwtKeys again = JwtKeys.ensure(dir.resolve("keys"));
        assertEquals(privatePem, Files.readString(again.privateKeyFile()), "existing keys are kept");
        assertEquals(publicPem, Files.readString(again.publicKeyFile()));
    }

    @Test
    void regeneratesWhenOneFileIsMissing() throws Exception {
        JwtKeys keys = JwtKeys.ensure(dir);
        String publicPem = Files.readString(keys.publicKeyFile());
        Files.delete(keys.privateKeyFile());

        JwtKeys.ensure(dir);

        assertNotEquals(publicPem, Files.readString(keys.publicKeyFile()));
    }
}
