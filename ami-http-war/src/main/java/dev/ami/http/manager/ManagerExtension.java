package dev.ami.http.manager;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link ManagerHandler} in front of this deployment's servlet chain: every request to the AMI
 * HTTP listener is the HTTP manager's (registered in META-INF/services).
 */
public final class ManagerExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        ClassLoader deployment = deploymentInfo.getClassLoader();
        deploymentInfo.addInitialHandlerChainWrapper(next -> new ManagerHandler(deployment));
    }
}
