package dev.sentinelctl.deploy.azure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds a TLS context that trusts the JDK's default CAs plus the certificates of a trust file, instead of a
 * "disable TLS verification" switch: the sandbox (or a corporate proxy) is trusted, nothing else changes.
 */
public final class TrustFile {
    private TrustFile() {
    }

    public static SSLContext sslContext(Path file) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("default-" + i++, ca);
            }
            for (Certificate extra : read(file)) {
                store.setCertificateEntry("extra-" + i++, extra);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Could not build a TLS trust store from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads PEM or DER certificates; fails with the file name when there are none. */
    static Collection<? extends Certificate> read(Path file) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("trust file " + file + " does not exist. Pass the PEM certificate the sandbox "
                    + "printed at start-up (sandbox-cert.pem).");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("trust file " + file + " holds no certificate; expected PEM or DER X.509.");
            }
            return certs;
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("The JDK has no X.509 trust manager");
    }
}
