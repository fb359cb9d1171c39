package dev.ami.bench;

import java.util.Properties;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test with the bench's defaults: every {@code bench.*} system property of the JVM (Maven hands
 * its -D switches to the tests too) is taken away and put back after, and the three the bench
 * requires are set to a dummy path.
 */
final class BenchDefaults implements BeforeEachCallback, AfterEachCallback {

    /** The properties {@link BenchOptions#fromSystemProperties()} requires. */
    static final String[] REQUIRED = {"bench.wildfly.home", "bench.ear", "bench.target"};

    private static final ExtensionContext.Namespace SAVED = ExtensionContext.Namespace.create(BenchDefaults.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Properties saved = new Properties();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("bench.")) {
                saved.setProperty(name, System.getProperty(name));
                System.clearProperty(name);
            }
        }
        for (String name : REQUIRED) {
            System.setProperty(name, "/tmp/x");
        }
        context.getStore(SAVED).put("saved", saved);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("bench.")) {
                System.clearProperty(name);
            }
        }
        Properties saved = context.getStore(SAVED).get("saved", Properties.class);
        saved.forEach((k, v) -> System.setProperty((String) k, (String) v));
    }
}
