package dev.ami.persistence.bridge;

import dev.ami.api.bridge.BusProtocol;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Binds the gateway in the server's global JNDI namespace while ami.ear is deployed. A plain
 * object rather than an EJB view: the container cannot make an EJB view of a JDK interface, and
 * an interface of ours would be a different class in every application.
 */
@Singleton
@Startup
public class GatewayBinding {

    private static final Logger LOG = Logger.getLogger(GatewayBinding.class.getName());

    @Inject
    ConnectorLinks links;

    @PostConstruct
    void bind() {
        try {
            new InitialContext().rebind(BusProtocol.GATEWAY, new ManagerBusGateway(links));
            LOG.info(() -> "AMI gateway for applications bound at " + BusProtocol.GATEWAY);
        } catch (NamingException e) {
            LOG.log(Level.SEVERE, "Cannot bind the AMI gateway at " + BusProtocol.GATEWAY
                    + "; applications cannot fire AMI events or add actions", e);
        }
    }

    @PreDestroy
    void unbind() {
        try {
            new InitialContext().unbind(BusProtocol.GATEWAY);
        } catch (NamingException e) {
            LOG.log(Level.FINE, "AMI gateway already unbound", e);
        }
    }
}
