package dev.ami.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build made it (copied to target/ami.ear by the pom). */
public final class AmiEar {

    /** The AMI port of src/test/conf/manager.conf. */
    public static final int PORT = 25038;
    /** The TLS port of src/test/conf/manager.conf (tlsbindaddr). */
    public static final int TLS_PORT = 25039;

    private AmiEar() {
    }

    public static EnterpriseArchive fromBuild() {
        File ear = new File(System.getProperty("it.ear", "target/ami.ear"));
        // The name must stay ami.ear: the configuration endpoint names its adapter ami.ear#ami-server.rar.
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
