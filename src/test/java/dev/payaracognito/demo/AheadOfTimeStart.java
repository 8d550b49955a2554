package dev.payaracognito.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Payara Micro started as the image starts it (docker/Dockerfile, docs/operating.md): unpacked once into a root
 * directory with the launcher Payara writes ({@code --outputlauncher}), so that its runtime is on the JVM's class path,
 * and with JDK 25's ahead-of-time cache (JEP 483/514/515), made once by a training start that serves a load (sign-ins
 * through the hosted UI, pages, the API: {@link TrainingRun}) and stops, as the image's build trains its own
 * ({@link ImageTraining}). The cache holds the runtime's classes, loaded and linked, those the load made it load among
 * them, and the profiles of what ran, so that the JIT compiles the request paths soon after a start; the app's own
 * classes (a web module's class loader) are not in it, so a rebuilt WAR needs no new training. Both are made again when
 * the Payara Micro jar is newer than they are; the cache also when the JDK, the JVM's or Payara's options, its
 * command files or the load changed (its {@code .stamp} says which it was made with), as a JDK refuses another's
 * cache without a word. A training that fails leaves no cache: the next start trains again. On a JDK older than 25
 * the app starts without a cache. Every start begins from the root directory as Payara unpacked it (kept aside,
 * copied back with its files' times, which the cache checks): Payara keeps in its root directory what was deployed
 * there and deploys it again at the next start, which would deploy an older WAR before this one, answering ready in
 * between.
 */
final class AheadOfTimeStart {

    /** What the training start serves before it stops: the load's command, run once {@code ready} answers 200. */
    record TrainingRun(URI ready, List<String> load) {}

    /**
     * Without the call adapters: JDK 25 finds those it keeps in the cache by a hash that two adapters can share
     * (JDK-8364929, fixed after 25), and every start from a cache this load trained wrote two warnings, which are not
     * JSON lines in the image's log. Without them, no difference measured (ready, first page, first API call,
     * sign-ins: three alternating starts each, docs/operating.md).
     */
    private static final List<String> TRAINING_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:-AOTAdapterCaching");
    /** Payara Micro's options that name a file of asadmin commands, which the stamp digests. */
    private static final Set<String> COMMAND_FILE_OPTIONS = Set.of("--prebootcommandfile", "--postbootcommandfile",
            "--postdeploycommandfile");
    private static final Duration READY_LIMIT = Duration.ofMinutes(3);
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(5);
    private static final Duration EXIT_LIMIT = Duration.ofMinutes(1);

    private final Path java;
    private final Path payaraJar;
    private final Path root;
    private final Path unpacked;
    private final Path cache;
    private final Path stamp;

    AheadOfTimeStart(Path java, Path payaraJar, Path workDirectory) {
        this.java = java;
        this.payaraJar = payaraJar;
        this.root = workDirectory.resolve("demo-payara-root");
        this.unpacked = workDirectory.resolve("demo-payara-root.unpacked");
        this.cache = workDirectory.resolve("demo-payara.aot");
        this.stamp = workDirectory.resolve("demo-payara.aot.stamp");
    }

    /**
     * The command that starts Payara Micro with {@code jvmOptions} and {@code microOptions}, after making the
     * launcher and the cache if they are missing or stale (the training start, about a minute, logs to
     * {@code trainingLog}, its load's output too; {@code loadSource} is the load's source: a change of it, of another
     * source beside it or of {@code jvmOptions} trains again).
     */
    List<String> command(List<String> jvmOptions, List<String> microOptions, Map<String, String> environment,
            TrainingRun training, Path loadSource, Path trainingLog) throws IOException, InterruptedException {
        Path launcher = root.resolve("launch-micro.jar");
        if (olderThanJar(unpacked.resolve("launch-micro.jar"))) {
            System.out.println("Unpacking Payara Micro into " + root + " (once).");
            delete(root);
            delete(unpacked);
            run(List.of(java.toString(), "-jar", payaraJar.toString(), "--rootdir", root.toString(),
                    "--outputlauncher"), Map.of(), trainingLog);
            copy(root, unpacked);
            Files.deleteIfExists(cache);
        }
        if (Runtime.version().feature() < 25) {
            System.out.println("Java " + Runtime.version().feature() + ": starting without JDK 25's ahead-of-time"
                    + " cache, which takes about a third off a start (docs/operating.md, \"Start-up\").");
            delete(root);
            copy(unpacked, root);
            return java(List.of(), jvmOptions, launcher, microOptions);
        }
        String made = stampOf(jvmOptions, microOptions, loadSource);
        if (olderThanJar(cache) || !Files.exists(stamp) || !Files.readString(stamp).equals(made)) {
            System.out.println("Training the ahead-of-time cache with one start that serves sign-ins, pages and the"
                    + " API, then stops (about a minute, once; its log: " + trainingLog + ").");
            Files.deleteIfExists(cache);
            Files.deleteIfExists(stamp);
            // in the root as Payara unpacked it: an earlier start's deployment there would be deployed first
            delete(root);
            copy(unpacked, root);
            train(java(List.of(), jvmOptions, launcher, microOptions), cache, environment, training, trainingLog);
            Files.writeString(stamp, made);
        }
        delete(root);
        copy(unpacked, root);
        return java(List.of("-XX:AOTCache=" + cache), jvmOptions, launcher, microOptions);
    }

    /**
     * Makes {@code cache} with a training start: {@code command} (a {@code java} command) run with the cache's output
     * option, serving {@code training}'s load. The JVM writes the cache as it exits: the training start is stopped as
     * a container is (SIGTERM), into a file of its own, which becomes the cache only when the whole load ran;
     * anything else kills it (SIGKILL: nothing written) and throws. The two processes are killed too if the caller
     * is stopped meanwhile. The demo trains with it, and so does the image's build ({@link ImageTraining}).
     */
    static void train(List<String> command, Path cache, Map<String, String> environment, TrainingRun training,
            Path log) throws IOException, InterruptedException {
        Path output = cache.resolveSibling(cache.getFileName() + ".training");
        Files.deleteIfExists(output);
        List<String> withOutput = new ArrayList<>(command);
        withOutput.add(1, "-XX:AOTCacheOutput=" + output);
        withOutput.addAll(2, TRAINING_OPTIONS);
        Process server = start(withOutput, environment, log);
        List<Process> running = new ArrayList<>(List.of(server));
        Thread stopped = new Thread(() -> running.forEach(AheadOfTimeStart::kill));
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            if (!awaitReady(server, training.ready())) {
                throw new IOException("the training start did not become ready");
            }
            Process load = start(training.load(), Map.of(), log);
            running.add(load);
            if (!load.waitFor(LOAD_LIMIT.toMinutes(), TimeUnit.MINUTES) || load.exitValue() != 0) {
                throw new IOException("the training load failed or took longer than " + LOAD_LIMIT.toMinutes()
                        + " minutes");
            }
            server.destroy();
            if (!server.waitFor(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS) || !Files.exists(output)) {
                throw new IOException("the training start wrote no ahead-of-time cache");
            }
            Files.move(output, cache, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            throw new IOException(failed.getMessage() + "; see " + log, failed);
        } finally {
            running.forEach(AheadOfTimeStart::kill);
            Runtime.getRuntime().removeShutdownHook(stopped);
            Files.deleteIfExists(output);
        }
    }

    /** SIGKILL, with its children: the JVM writes the cache from a child JVM of its own, which would run on. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * What the cache is made with: the JDK, the training's and the start's JVM options (some options make a JDK
     * drop a cache without a word: any change trains again), Payara's options and its command files (other commands
     * run other code in a start) and the load: a digest of every source in its directory, which the load's
     * single-file launch compiles from as it needs them (BrowserCookies beside TrainingLoad). A change to a benchmark
     * there trains again too, a minute once, rather than a list of the load's sources to keep true.
     */
    private static String stampOf(List<String> jvmOptions, List<String> microOptions, Path loadSource)
            throws IOException {
        try (Stream<Path> files = Files.list(loadSource.toAbsolutePath().getParent())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path source : files.filter(Files::isRegularFile).filter(AheadOfTimeStart::isSource).sorted()
                    .toList()) {
                digest.update(source.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(source));
            }
            for (int i = 0; i + 1 < microOptions.size(); i++) {
                if (COMMAND_FILE_OPTIONS.contains(microOptions.get(i))) {
                    digest.update(Files.readAllBytes(Path.of(microOptions.get(i + 1))));
                }
            }
            return System.getProperty("java.home") + " " + Runtime.version() + " " + String.join(" ", TRAINING_OPTIONS)
                    + " " + String.join(" ", jvmOptions) + " " + String.join(" ", microOptions) + " "
                    + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Java source, not an editor's lock or backup file beside it (".#TrainingLoad.java"). */
    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") && !name.startsWith(".");
    }

    private static boolean awaitReady(Process server, URI ready) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_LIMIT);
        while (server.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    private List<String> java(List<String> cacheOption, List<String> jvmOptions, Path launcher,
            List<String> microOptions) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(cacheOption);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", launcher.toString()));
        command.addAll(microOptions);
        return command;
    }

    private boolean olderThanJar(Path file) throws IOException {
        if (!Files.exists(file)) {
            return true;
        }
        FileTime made = Files.getLastModifiedTime(file);
        return made.compareTo(Files.getLastModifiedTime(payaraJar)) < 0;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void run(List<String> command, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        int status = start(command, environment, log).waitFor();
        if (status != 0) {
            throw new IOException("'" + String.join(" ", command) + "' ended with status " + status + "; see " + log);
        }
    }

    private static Process start(List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }
}
