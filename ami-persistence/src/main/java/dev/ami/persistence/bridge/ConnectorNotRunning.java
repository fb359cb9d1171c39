package dev.ami.persistence.bridge;

/**
 * The AMI connector has not handed over its link yet (it is starting, or the adapter is not
 * deployed): nothing about live sessions can be said or done.
 */
public class ConnectorNotRunning extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ConnectorNotRunning() {
        super("the AMI connector is not running");
    }
}
