package dev.payaracognito.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Starts the app's spans, on the OpenTelemetry that MicroProfile Telemetry gives the app (a no-op one while
 * OpenTelemetry is off). Attribute names follow OpenTelemetry's semantic conventions where there is one (HTTP,
 * {@code error.type}, {@code enduser.id}), the app's own under {@code cognito.}.
 */
@ApplicationScoped
public class Tracing {

    private static final String INSTRUMENTATION = "dev.payaracognito";
    private static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
            "OPTIONS", "TRACE", "PATCH");
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    private static final AttributeKey<String> CLOUD_REGION = AttributeKey.stringKey("cloud.region");

    /** A request's headers, for the W3C trace context ({@code traceparent}) a caller sent. */
    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
            return request == null ? null : request.getHeader(name);
        }
    };

    @Inject
    private OpenTelemetry openTelemetry;

    /** Spans that go nowhere, for what runs outside CDI (tests). */
    public static Tracing off() {
        Tracing off = new Tracing();
        off.openTelemetry = OpenTelemetry.noop();
        return off;
    }

    /**
     * A request's authentication, which runs before Payara's own span of the request begins (the container
     * authenticates before the servlet is called, and a request the mechanism answers, such as the redirect to
     * Cognito, reaches no servlet): its parent is the trace the request names ({@code traceparent}), if any.
     */
    public Traced authentication(HttpServletRequest request, String mechanism) {
        Context parent = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.current(), request, HEADERS);
        return new Traced(tracer().spanBuilder("authenticate").setParent(parent).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(HTTP_REQUEST_METHOD, KNOWN_METHODS.contains(request.getMethod()) ? request.getMethod()
                        : "_OTHER") // as the HTTP conventions say: not whatever word a client sends
                // the path as mapped, without ;parameters (a client may send a session id there)
                .setAttribute(URL_PATH, request.getServletPath() + Objects.toString(request.getPathInfo(), ""))
                .setAttribute("cognito.mechanism", mechanism)
                .startSpan());
    }

    /** A step of the app's own, a child of the current span. */
    public Traced step(String name) {
        return new Traced(tracer().spanBuilder(name).setSpanKind(SpanKind.INTERNAL).startSpan());
    }

    /**
     * A call of the app's to Cognito ({@code method} {@code uri}, without its query, which may carry a token): a
     * client span, whose context {@link #send} gives the request.
     */
    public Traced call(String name, String method, URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new Traced(tracer().spanBuilder(name).setSpanKind(SpanKind.CLIENT)
                .setAttribute(HTTP_REQUEST_METHOD, method)
                .setAttribute(URL_FULL, uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath())
                .setAttribute(SERVER_ADDRESS, uri.getHost())
                .setAttribute(SERVER_PORT, (long) port)
                .startSpan());
    }

    /**
     * A call of the app's to an AWS API ({@code service} as the AWS SDK names it, such as
     * {@code CognitoIdentityProvider}): a client span named {@code Service.Operation}, as OpenTelemetry's conventions
     * for the AWS SDK say. The caller adds the answer's {@code aws.request_id}, which AWS support asks for.
     */
    public Traced awsCall(String service, String operation, String region) {
        return new Traced(tracer().spanBuilder(service + "." + operation).setSpanKind(SpanKind.CLIENT)
                .setAttribute(RPC_SYSTEM, "aws-api")
                .setAttribute(RPC_SERVICE, service)
                .setAttribute(RPC_METHOD, operation)
                .setAttribute(CLOUD_REGION, region)
                .startSpan());
    }

    /**
     * Takes the values of the request's query out of the current span (Payara's span of the request, which records
     * the query as {@code url.query}): a callback's authorization code and state, an admin's search for a user
     * name. The names stay, each value {@code REDACTED}, as OpenTelemetry's HTTP conventions say for sensitive ones.
     */
    public static void redactQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            Span.current().setAttribute(URL_QUERY, Arrays.stream(query.split("&"))
                    .map(pair -> pair.split("=", 2)[0] + "=REDACTED").collect(Collectors.joining("&")));
        }
    }

    /** Says {@code value} of the current span (ours or Payara's), if there is one. */
    public void annotate(String key, String value) {
        Span.current().setAttribute(key, value);
    }

    /**
     * Sends {@code request} as the call {@code call} is the span of: the current trace goes with it as W3C
     * {@code traceparent} (and {@code tracestate}) headers, its answer's status or its failure to the span.
     */
    public <T> HttpResponse<T> send(HttpClient http, Traced call, HttpRequest.Builder request,
            HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request,
                (builder, name, value) -> builder.setHeader(name, value));
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            call.answered(response.statusCode());
            return response;
        } catch (IOException e) {
            call.failed(e.getClass().getSimpleName());
            throw e;
        }
    }

    private Tracer tracer() {
        return openTelemetry.getTracer(INSTRUMENTATION);
    }
}
