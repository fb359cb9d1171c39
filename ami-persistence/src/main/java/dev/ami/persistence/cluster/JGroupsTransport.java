package dev.ami.persistence.cluster;

import java.util.Arrays;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.fork.ForkChannel;
import org.jgroups.util.NameCache;

/**
 * The cluster link on the server's own JGroups channel (the {@code jgroups} subsystem's, which
 * Infinispan shares): a fork of it, so that ami's messages travel beside the server's on one
 * membership, one failure detector and one set of sockets. JGroups delivers one sender's messages
 * in the order sent, and a member that crashes leaves the view after the stack's failure detection.
 */
public final class JGroupsTransport implements ClusterTransport {

    /** The fork's names on the server's channel. */
    static final String FORK_STACK = "ami";
    static final String FORK_CHANNEL = "ami-cluster";

    private final JChannel main;
    private ForkChannel fork;

    /** @param main the server's channel, connected */
    public JGroupsTransport(JChannel main) {
        this.main = main;
    }

    @Override
    public String localNode() {
        return name(main.getAddress());
    }

    @Override
    public synchronized void start(Listener listener) {
        try {
            fork = new ForkChannel(main, FORK_STACK, FORK_CHANNEL);
            fork.setDiscardOwnMessages(true);
            fork.setReceiver(new Receiver() {
                @Override
                public void receive(Message msg) {
                    byte[] array = msg.getArray();
                    int offset = msg.getOffset();
                    listener.received(name(msg.getSrc()), offset == 0 && msg.getLength() == array.length ? array
                            : Arrays.copyOfRange(array, offset, offset + msg.getLength()));
                }

                @Override
                public void viewAccepted(View view) {
                    listener.membersChanged(view.getMembers().stream().map(JGroupsTransport::name).toList());
                }
            });
            fork.connect(FORK_CHANNEL);
            View view = fork.getView();
            if (view != null) {
                listener.membersChanged(view.getMembers().stream().map(JGroupsTransport::name).toList());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot open ami's fork of the cluster channel " + main.getClusterName(), e);
        }
    }

    @Override
    public void send(byte[] message) throws Exception {
        ForkChannel f = fork;
        if (f == null) {
            throw new IllegalStateException("the cluster link is not started");
        }
        f.send(new BytesMessage(null, message));
    }

    @Override
    public synchronized void close() {
        if (fork != null) {
            fork.close();
            fork = null;
        }
    }

    /**
     * @return the member's logical name (WildFly's {@code jboss.node.name}), without the extras an
     *         address prints (WildFly's members print as {@code nodeA(v=16.0.5)})
     */
    static String name(Address address) {
        String logical = address == null ? null : NameCache.get(address);
        return logical != null ? logical : String.valueOf(address);
    }
}
