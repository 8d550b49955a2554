package dev.payaracognito.demo;

import dev.payaracognito.localcognito.LocalCognito;
import dev.payaracognito.localcognito.UserPool;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The image's ahead-of-time cache, trained as the demo's is ({@link AheadOfTimeStart#train}): docker/Dockerfile's
 * training stage runs this with the image's own Java (a JRE: the training load comes compiled, in the training kit
 * that {@code ./mvnw package} puts in target/image-training), and only the cache leaves that stage. The local
 * Cognito's demo pool runs in this process, on :9229 of the build's loopback, for the training start to sign
 * users in with; the start serves the training load on :8080, then stops. The profiles the cache keeps are of the
 * app's code paths, whichever Cognito served them; the settings, the users and the secrets of the training are not
 * in it (it holds classes, their linked state and profiles, and objects of the JDK's own, none of the app's), nor is
 * anything of the local Cognito in the image. The training runs in development mode against a plain-http Cognito on
 * loopback: what only production runs (the keys fetched over TLS, the settings' production checks) is not in the
 * profiles. A training that fails fails the build, with the end of its log: an image without its cache would start
 * much slower without a word.
 * <pre>
 * java -cp &lt;kit&gt; dev.payaracognito.demo.ImageTraining &lt;cache&gt; &lt;kit's classes&gt; &lt;java command…&gt;
 * </pre>
 */
public final class ImageTraining {

    /** The app's port in the training start's command (the image's own: its CMD's {@code --port}). */
    private static final int APP_PORT = 8080;
    /** A line per sign-in would bury the build's output; held here, or the logger and its level could be collected. */
    private static final Logger LOCAL_COGNITO = Logger.getLogger("dev.payaracognito.localcognito");

    private ImageTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ImageTraining <cache> <training kit's classes> <java command of the start…>");
            System.exit(2);
        }
        Path cache = Path.of(args[0]);
        String kitClasses = args[1];
        List<String> start = Arrays.asList(args).subList(2, args.length);
        // a build with the host's network (podman's --network host, kaniko) shares these ports with the host: the
        // load must not train against whatever else answers there
        Demo.requireFree(LocalCognito.DEFAULT_PORT, "the training's local Cognito");
        Demo.requireFree(APP_PORT, "the training start");
        Path log = Files.createTempFile("image-training", ".log");
        LOCAL_COGNITO.setLevel(Level.WARNING);
        LocalCognito cognito = new LocalCognito(UserPool.demo(), "localhost", LocalCognito.DEFAULT_PORT).start();
        try {
            String app = "http://localhost:" + APP_PORT;
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            AheadOfTimeStart.TrainingRun training = new AheadOfTimeStart.TrainingRun(URI.create(app + "/health/ready"),
                    List.of(java, "-cp", kitClasses, "dev.payaracognito.bench.TrainingLoad", app, cognito.domain(),
                            UserPool.DEMO_MACHINE_CLIENT_ID, UserPool.DEMO_MACHINE_CLIENT_SECRET, "alice",
                            "Alice-Passw0rd!"));
            System.out.println("Training the ahead-of-time cache with a start that serves sign-ins, pages and the API"
                    + " (about a minute).");
            AheadOfTimeStart.train(start, cache, Demo.settings(cognito, APP_PORT), training, log);
            System.out.println("The ahead-of-time cache is made: " + cache);
        } catch (IOException failed) {
            System.out.println("The training failed: " + failed.getMessage() + ". The end of its log:");
            Demo.printEnd(log);
            System.exit(1);
        } finally {
            cognito.stop();
        }
    }
}
