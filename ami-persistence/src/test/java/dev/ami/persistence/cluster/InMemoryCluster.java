package dev.ami.persistence.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Nodes in one JVM: a message sent by one is handed to every other node's listener on the sending
 * thread (so in the order sent, as JGroups delivers one sender's messages); joining and leaving tell
 * every node the members.
 */
final class InMemoryCluster {

    private final Map<String, ClusterTransport.Listener> listeners = new ConcurrentHashMap<>();
    private final List<String> members = new CopyOnWriteArrayList<>();

    Transport node(String name) {
        return new Transport(name);
    }

    private synchronized void join(String name, ClusterTransport.Listener listener) {
        listeners.put(name, listener);
        members.add(name);
        tellMembers();
    }

    synchronized void leave(String name) {
        listeners.remove(name);
        members.remove(name);
        tellMembers();
    }

    private void tellMembers() {
        List<String> now = List.copyOf(members);
        listeners.values().forEach(l -> l.membersChanged(now));
    }

    /** One node's transport; {@link #refuse} makes its link fail, {@link #hold} makes it wait. */
    final class Transport implements ClusterTransport {

        private final String name;
        volatile boolean refuse;
        final List<byte[]> sent = new CopyOnWriteArrayList<>();
        /** While set, a message of events waits for it (after counting down {@link #waiting}). */
        volatile CountDownLatch hold;
        final CountDownLatch waiting = new CountDownLatch(1);

        Transport(String name) {
            this.name = name;
        }

        @Override
        public String localNode() {
            return name;
        }

        @Override
        public void start(Listener listener) {
            join(name, listener);
        }

        @Override
        public void send(byte[] message) throws Exception {
            CountDownLatch h = hold;
            if (h != null && ClusterCodec.decode(message) instanceof ClusterMessage.Events) {
                waiting.countDown();
                h.await();
            }
            if (refuse) {
                throw new java.io.IOException("link down");
            }
            sent.add(message);
            for (Map.Entry<String, Listener> other : new ArrayList<>(listeners.entrySet())) {
                if (!other.getKey().equals(name)) {
                    other.getValue().received(name, message);
                }
            }
        }

        /** Delivers bytes to this node as if another node had sent them. */
        void deliver(String from, byte[] message) {
            listeners.get(name).received(from, message);
        }

        @Override
        public void close() {
            leave(name);
        }
    }
}
