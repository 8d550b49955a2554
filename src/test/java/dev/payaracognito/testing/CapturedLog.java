package dev.payaracognito.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lines one class's logger writes during a test, for tests of what the log says: register it as a field with
 * {@code @RegisterExtension}.
 */
public final class CapturedLog extends Handler implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public CapturedLog(Class<?> loggingClass) {
        this.logger = Logger.getLogger(loggingClass.getName());
    }

    /** The messages at {@code level} or above, in order. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(LogRecord::getMessage).toList();
    }

    public List<String> warnings() {
        return messages(Level.WARNING);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        logger.addHandler(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
