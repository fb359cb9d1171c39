package dev.ami.persistence.cluster;

/** A message from the cluster channel that this node cannot read: what is wrong and where. */
public final class MalformedClusterMessage extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MalformedClusterMessage(String problem) {
        super(problem);
    }
}
