package dev.ami.server.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the messages some loggers write while a test runs; close it to stop. */
public final class LogCapture implements AutoCloseable {

    /** Held here: the log manager keeps loggers only weakly, and a collected one would lose the handler. */
    private final List<Logger> loggers;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(List<Logger> loggers) {
        this.loggers = loggers;
        loggers.forEach(logger -> logger.addHandler(handler));
    }

    /** @param classes the classes whose loggers (named after them) to listen to @return the capture */
    public static LogCapture of(Class<?>... classes) {
        return new LogCapture(java.util.Arrays.stream(classes).map(c -> Logger.getLogger(c.getName())).toList());
    }

    /** @return the messages so far, in order */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.removeHandler(handler));
    }
}
