package dev.payaracognito.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every log line written inside a traced request (the audit lines, the app's, Payara's) carries the trace's
 * {@code trace_id} and {@code span_id}, so that a line leads to its trace and a trace to its lines. Payara's JSON
 * log formatter writes the entries of a {@link Map} among a record's parameters as fields of the line: the ids are
 * added so, by a filter on the root logger's handlers (through which every record passes), and only while a span is
 * current. A message's own parameters are untouched (it names them by position); a message without parameters that
 * shows a placeholder as text ({@code {0}}) is left without the ids rather than formatted.
 */
@WebListener
public class TraceIdsInLogs implements ServletContextListener {

    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    private final Map<Handler, Filter> replaced = new HashMap<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Filter existing = handler.getFilter();
            replaced.put(handler, existing);
            handler.setFilter(record -> {
                if (existing != null && !existing.isLoggable(record)) {
                    return false;
                }
                withTraceIds(record);
                return true;
            });
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        replaced.forEach(Handler::setFilter);
        replaced.clear();
    }

    /** Adds the current span's ids to {@code record}, once (a record may pass several handlers). */
    static void withTraceIds(LogRecord record) {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return;
        }
        Object[] parameters = record.getParameters() == null ? new Object[0] : record.getParameters();
        if (Arrays.stream(parameters).anyMatch(p -> p instanceof Map<?, ?> map && map.containsKey(TRACE_ID))) {
            return;
        }
        if (parameters.length == 0 && record.getMessage() != null && PLACEHOLDER.matcher(record.getMessage()).find()) {
            return; // with a parameter, "{0}" written as text would be formatted (MessageFormat) in place of shown
        }
        Object[] with = Arrays.copyOf(parameters, parameters.length + 1);
        with[parameters.length] = Map.of(TRACE_ID, span.getTraceId(), SPAN_ID, span.getSpanId());
        record.setParameters(with);
    }
}
