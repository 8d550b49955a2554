package dev.payaracognito.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Payara Micro started as the image starts it (docker/Dockerfile, docs/operating.md): unpacked once into a root
 * directory with the launcher Payara writes ({@code --outputlauncher}), so that its runtime is on the JVM's class
 * path, and with JDK 25's ahead-of-time cache (JEP 483/514/515), made once by a training start that deploys the app
 * and stops ({@code --warmup}). Both are made again when the Payara Micro jar is newer than they are. The cache holds
 * the runtime's classes, loaded and linked, and their profiles; the app's own classes (a web module's class loader)
 * are not in it, so a rebuilt WAR needs no new training. Every start begins from the root directory as Payara
 * unpacked it (kept aside, copied back with its files' times, which the cache checks): Payara keeps in its root
 * directory what was deployed there and deploys it again at the next start, which would deploy an older WAR before
 * this one, answering ready in between.
 */
final class AheadOfTimeStart {

    private final Path java;
    private final Path payaraJar;
    private final Path root;
    private final Path unpacked;
    private final Path cache;

    AheadOfTimeStart(Path java, Path payaraJar, Path workDirectory) {
        this.java = java;
        this.payaraJar = payaraJar;
        this.root = workDirectory.resolve("demo-payara-root");
        this.unpacked = workDirectory.resolve("demo-payara-root.unpacked");
        this.cache = workDirectory.resolve("demo-payara.aot");
    }

    /**
     * The command that starts Payara Micro with {@code jvmOptions} and {@code microOptions}, after making the
     * launcher and the cache if they are missing or older than the jar (the training start, about 20 s, logs to
     * {@code trainingLog}).
     */
    List<String> command(List<String> jvmOptions, List<String> microOptions, Map<String, String> environment,
            Path trainingLog) throws IOException, InterruptedException {
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
        if (olderThanJar(cache)) {
            System.out.println("Training the ahead-of-time cache with one start that deploys the app and stops"
                    + " (about 20 s, once; its log: " + trainingLog + ").");
            run(java(List.of("-XX:AOTCacheOutput=" + cache), jvmOptions, launcher, microOptions, "--warmup"),
                    environment, trainingLog);
        }
        delete(root);
        copy(unpacked, root);
        return java(List.of("-XX:AOTCache=" + cache), jvmOptions, launcher, microOptions);
    }

    private List<String> java(List<String> cacheOption, List<String> jvmOptions, Path launcher,
            List<String> microOptions, String... more) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(cacheOption);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", launcher.toString()));
        command.addAll(microOptions);
        command.addAll(List.of(more));
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
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        int status = builder.start().waitFor();
        if (status != 0) {
            throw new IOException("'" + String.join(" ", command) + "' ended with status " + status + "; see " + log);
        }
    }
}
