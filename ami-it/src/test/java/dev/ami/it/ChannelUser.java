package dev.ami.it;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Deployed alone in a WAR by ClusterFormsIT: its injection makes the deployment depend on the
 * JGroups channel "ee", which WildFly starts (connects) only once something asks for it. Typed
 * Object, so that the WAR needs no module dependency on org.jgroups.
 */
@WebListener
public class ChannelUser implements ServletContextListener {

    @Resource(lookup = "java:jboss/jgroups/channel/ee")
    private Object channel;
}
