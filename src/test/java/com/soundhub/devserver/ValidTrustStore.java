package com.soundhub.devserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * The JDK's trust store without the certificates that are not valid today. Payara checks every
 * certificate of its trust store when it starts and dumps each expired one into the log; its own
 * store, like any that was built some time ago, carries certificates that have expired since. An
 * expired certificate vouches for nothing, so leaving them out changes no connection.
 */
final class ValidTrustStore {

    static final String PASSWORD = "changeit";

    private ValidTrustStore() {
    }

    /** Writes the store to {@code target} (PKCS12) and returns the JVM flags that make it the trust store. */
    static List<String> write(Path target) throws IOException {
        Path jdkStore = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try {
            KeyStore source = KeyStore.getInstance(jdkStore.toFile(), PASSWORD.toCharArray());
            KeyStore valid = KeyStore.getInstance("PKCS12");
            valid.load(null, null);
            for (String alias : Collections.list(source.aliases())) {
                Certificate certificate = source.getCertificate(alias);
                if (source.isCertificateEntry(alias) && isValidToday(certificate)) {
                    valid.setCertificateEntry(alias, certificate);
                }
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                valid.store(out, PASSWORD.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not read the JDK's trust store " + jdkStore, e);
        }
        return List.of("-Djavax.net.ssl.trustStore=" + target.toAbsolutePath(),
                "-Djavax.net.ssl.trustStorePassword=" + PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    private static boolean isValidToday(Certificate certificate) {
        if (!(certificate instanceof X509Certificate x509)) {
            return true;
        }
        try {
            x509.checkValidity();
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }
}
