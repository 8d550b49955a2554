package dev.payaracognito.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/**
 * One span of ours, current on this thread until it is closed (so that what it calls, Payara's own client spans
 * included, are its children). Attributes are codes and names this app chose, never a token nor what a client sent.
 */
public final class Traced implements AutoCloseable {

    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");

    private final Span span;
    private final Scope scope;

    Traced(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
    }

    public Traced attribute(String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
        return this;
    }

    public Traced attribute(String key, boolean value) {
        span.setAttribute(key, value);
        return this;
    }

    /** The span's work failed, for {@code why} (a class of error: a reason code, an exception's simple name). */
    public void failed(String why) {
        span.setAttribute(ERROR_TYPE, why);
        span.setStatus(StatusCode.ERROR);
    }

    /** A client span's answer: its status, and an error from 400 on (OpenTelemetry's HTTP client conventions). */
    public void answered(int status) {
        span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (status >= 400) {
            failed(Integer.toString(status));
        }
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
