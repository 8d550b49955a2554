package dev.payaracognito.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The deployed app's own metrics, as Prometheus reads them from {@code /metrics?scope=application}. */
public final class AppMetrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AppMetrics() {}

    /** One sample, by name and one of its labels ({@code outcome="deferred"}); 0 when not yet counted. */
    public static double sample(String name, String label) throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(AppDeployment.APP + "/metrics?scope=application"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$")
                .matcher(text);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
