package dev.sentinelctl.deploy.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A fresh self-signed EC P-256 certificate for 127.0.0.1 (SAN ip:127.0.0.1 and dns:localhost, which the JDK
 * HttpClient's hostname check needs), generated in memory at every start. The private key never touches the disk;
 * only the public certificate is exported as PEM so clients can trust it.
 */
public final class SandboxCertificate {
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SandboxCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Generates a certificate valid from one hour ago (clock skew) for {@code validity}. */
    public static SandboxCertificate generate(Duration validity) {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = gen.generateKeyPair();

            byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
            byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String("127.0.0.1"))));
            Instant now = Instant.now();
            byte[] validityDer = Der.sequence(
                    Der.utcTime(UTC_TIME.format(now.minus(Duration.ofHours(1)))),
                    Der.utcTime(UTC_TIME.format(now.plus(validity))));
            byte[] san = Der.sequence(
                    Der.implicitPrimitive(7, InetAddress.getByName("127.0.0.1").getAddress()),
                    Der.implicitPrimitive(2, "localhost".getBytes(StandardCharsets.US_ASCII)));
            // CA:true lets OpenSSL-based tools (curl --cacert) accept the self-signed certificate as its own anchor.
            byte[] extensions = Der.explicit(3, Der.sequence(
                    Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true), Der.octetString(Der.sequence(Der.bool(true)))),
                    Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octetString(san))));
            byte[] tbs = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(new BigInteger(63, random).add(BigInteger.ONE)),
                    algorithm,
                    name,
                    validityDer,
                    name,
                    pair.getPublic().getEncoded(),
                    extensions);

            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate(), random);
            signer.update(tbs);
            byte[] cert = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));

            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cert));
            x509.verify(pair.getPublic());
            return new SandboxCertificate(pair, x509);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not generate the sandbox TLS certificate: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Server-side TLS context holding the private key. */
    public SSLContext serverContext() {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sandbox", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not build the sandbox TLS context: " + e.getMessage(), e);
        }
    }

    public String pem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public certificate as PEM, replacing any certificate a previous run left there. */
    public Path writePem(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".sandbox-cert", ".tmp");
        Files.writeString(tmp, pem(), StandardCharsets.US_ASCII);
        return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
