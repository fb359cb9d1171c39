package dev.ami.persistence.store;

import java.nio.file.Path;

/**
 * Where ami reads its configuration files and keeps its data. Each is a system property, else an
 * environment variable, else a folder of the application server:
 * <ul>
 *   <li>configuration: {@code ami.conf.dir}, {@code AMI_CONF_DIR}, {@code <server config>/ami};</li>
 *   <li>data (database, keys, backups): {@code ami.data.dir}, {@code AMI_DATA_DIR},
 *       {@code <server data>/ami}. The datasource in ami-ds.xml resolves the same way.</li>
 * </ul>
 */
public final class AmiPaths {

    private AmiPaths() {
    }

    /** @return the folder holding manager.conf (and optionally http.conf) */
    public static Path configurationDir() {
        return resolve("ami.conf.dir", "AMI_CONF_DIR", "jboss.server.config.dir");
    }

    /** @return the folder holding the database and other state */
    public static Path dataDir() {
        return resolve("ami.data.dir", "AMI_DATA_DIR", "jboss.server.data.dir");
    }

    private static Path resolve(String property, String variable, String serverProperty) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        if (value == null || value.isBlank()) {
            return Path.of(System.getProperty(serverProperty, "."), "ami");
        }
        return Path.of(value);
    }
}
