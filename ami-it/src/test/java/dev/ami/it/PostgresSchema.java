package dev.ami.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the PostgreSQL that {@value #URL} names, dropped at the end; without the
 * variable the calling test is skipped loudly, or fails when {@value #REQUIRED} is yes (.ci/run sets
 * both). The servers of the test reach it through {@link #serverProperties(String, int)}.
 */
record PostgresSchema(String url, String name, URI address, Map<String, String> query) implements AutoCloseable {

    static final String URL = "AMI_TEST_POSTGRES_URL";
    static final String REQUIRED = "AMI_TEST_POSTGRES_REQUIRED";

    /**
     * @param prefix the schema name's start, naming the test
     * @param what   what is skipped without PostgreSQL, for the message
     */
    static PostgresSchema create(String prefix, String what) throws SQLException {
        String url = System.getProperty(URL, System.getenv(URL));
        if (url == null || url.isBlank()) {
            String why = URL + " is not set (.ci/run sets it)";
            if ("yes".equals(System.getProperty(REQUIRED, System.getenv(REQUIRED)))) {
                fail(REQUIRED + "=yes, but " + why);
            }
            System.err.println("#### SKIPPED " + what + ": " + why);
            Assumptions.abort(what + " skipped: " + why);
        }
        URI address = URI.create(url.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        if (address.getQuery() != null) {
            for (String pair : address.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        String name = prefix + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE SCHEMA " + name);
        }
        return new PostgresSchema(url, name, address, query);
    }

    String host() {
        return address.getHost();
    }

    int port() {
        return address.getPort() < 0 ? 5432 : address.getPort();
    }

    /** The server's database settings, reaching PostgreSQL through this host and port. */
    Map<String, String> serverProperties(String host, int port) {
        Map<String, String> p = new HashMap<>();
        p.put("ami.db.url", "jdbc:postgresql://" + host + ":" + port + address.getPath() + "?currentSchema=" + name);
        p.put("ami.db.driver", "postgresql.jar");
        p.put("ami.db.user", query.getOrDefault("user", "ami"));
        p.put("ami.db.password", query.getOrDefault("password", ""));
        return p;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("DROP SCHEMA " + name + " CASCADE");
        }
    }

    /** @return PostgreSQL's JDBC driver as a deployment, postgresql.jar: the driver name ami.db.driver gives (README) */
    static JavaArchive driverArchive() throws URISyntaxException {
        File jar = new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ShrinkWrap.create(JavaArchive.class, "postgresql.jar").merge(ShrinkWrap.createFromZipFile(JavaArchive.class, jar));
    }
}
