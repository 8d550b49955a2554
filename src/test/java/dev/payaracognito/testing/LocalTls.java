package dev.payaracognito.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS for a local Cognito that answers as a production one would: on this machine's network address (not loopback,
 * which only development mode accepts), with a certificate made here by the JDK's keytool. The Arquillian Payara
 * trusts that certificate alone ({@code target/tls/trust.p12}, given in arquillian.xml); nothing else is called over
 * TLS in the tests.
 */
public final class LocalTls {

    public static final Path TRUST_STORE = Path.of("target", "tls", "trust.p12");
    private static final Path KEY_STORE = Path.of("target", "tls", "cognito.p12");
    private static final char[] PASSWORD = "changeit".toCharArray();

    private LocalTls() {}

    /** This machine's first IPv4 address that is not loopback, if it has one. */
    public static Optional<String> networkAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    /**
     * A key and certificate for this machine's network address, and the trust store that trusts it, made once per
     * run (the address may change between runs). Without a network address, a trust store for loopback, so that
     * the file the Payara JVMs are given exists.
     */
    public static synchronized void make() {
        if (Files.exists(KEY_STORE)) {
            return;
        }
        String address = networkAddress().orElse("127.0.0.1");
        try {
            Files.createDirectories(KEY_STORE.getParent());
            Path certificate = KEY_STORE.resolveSibling("cognito.pem");
            keytool("-genkeypair", "-alias", "cognito", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=local-cognito", "-ext", "SAN=ip:" + address, "-storetype", "PKCS12",
                    "-keystore", KEY_STORE.toString(), "-storepass", new String(PASSWORD));
            keytool("-exportcert", "-rfc", "-alias", "cognito", "-file", certificate.toString(),
                    "-keystore", KEY_STORE.toString(), "-storepass", new String(PASSWORD));
            Files.deleteIfExists(TRUST_STORE);
            keytool("-importcert", "-noprompt", "-alias", "cognito", "-file", certificate.toString(),
                    "-storetype", "PKCS12", "-keystore", TRUST_STORE.toString(), "-storepass", new String(PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server side: the key made by {@link #make()}. */
    public static SSLContext serverContext() {
        make();
        try (InputStream in = Files.newInputStream(KEY_STORE)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS for the local Cognito", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
