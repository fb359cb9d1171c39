package dev.ami.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * (x) ami in front of an upstream AMI server (issue 17). The upstream is a second WildFly running
 * ami (Asterisk is not packaged for these machines); the bench's server keeps one session with it.
 * Events: one sender pipelines UserEvents on the upstream, as in scenario u, and the listeners read
 * them either through ami or from the upstream directly (the same burst machinery as scenario n,
 * so count and order are checked and each server's CPU is read from /proc). Actions: sequential
 * CoreSettings through ami (named by an {@code Upstream:} header, so ami forwards it) against the same
 * request to the upstream directly.
 */
final class ProxyScenario {

    /** The upstream's name in the bench server's upstreams.conf. */
    static final String UPSTREAM = "bench-up";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);

    /** The action round trips through ami and directly. */
    record ActionLatency(int probes, int warmup, Latencies.Quantiles viaAmi, Latencies.Quantiles direct) {
        /** @return what going through ami adds at the median, in µs */
        double addedP50Micros() {
            return viaAmi.p50Micros() - direct.p50Micros();
        }
    }

    private final int amiPort;
    private final int upstreamPort;
    private final int adminPort;

    /**
     * @param amiPort      the bench server's AMI port
     * @param upstreamPort the upstream's AMI port
     * @param adminPort    the bench server's web port, where its REST API is
     */
    ProxyScenario(int amiPort, int upstreamPort, int adminPort) {
        this.amiPort = amiPort;
        this.upstreamPort = upstreamPort;
        this.adminPort = adminPort;
    }

    /** @return upstreams.conf naming the upstream: ami logs in as the bench account and asks for user events only */
    String upstreamsConf() {
        return String.join("\n",
                "; Written by ami-bench for scenario x (ProxyScenario).",
                "[" + UPSTREAM + "]",
                "host = " + BenchOptions.HOST,
                "port = " + upstreamPort,
                "username = " + BenchOptions.USER,
                "secret = " + BenchOptions.SECRET,
                "events = user",
                "");
    }

    /**
     * Stores the upstream through the bench server's REST API and waits until a UserEvent sent on
     * the upstream reaches a listener on ami.
     *
     * @return how long that took
     */
    TwoNodeScenario.Join connect(NettyClient client) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://" + BenchOptions.HOST + ":" + adminPort
                        + "/ami/api/config/upstreams.conf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (BenchOptions.USER + ":" + BenchOptions.SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(upstreamsConf())).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("the bench server refused upstreams.conf: HTTP " + answer.statusCode() + " "
                    + answer.body());
        }
        return burstsVia(client, 0, 0).awaitCluster(CONNECT_TIMEOUT);
    }

    /**
     * @return the burst runner: its node "A" is the upstream (the sender is there, and its listeners read
     *         directly), its node "B" is ami (its listeners read through ami)
     */
    TwoNodeScenario burstsVia(NettyClient client, long upstreamPid, long amiPid) {
        return new TwoNodeScenario(client, upstreamPort, amiPort, upstreamPid, amiPid);
    }

    /**
     * Sequential CoreSettings: {@code probes} through ami and as many to the upstream directly,
     * alternating in blocks so that both see the same machine; {@code warmup} of each unmeasured first.
     */
    ActionLatency actionLatency(int warmup, int probes) throws IOException {
        try (BlockingAmi viaAmi = new BlockingAmi(null, amiPort, 10_000);
             BlockingAmi direct = new BlockingAmi(null, upstreamPort, 10_000)) {
            viaAmi.login(BenchOptions.USER, BenchOptions.SECRET);
            direct.login(BenchOptions.USER, BenchOptions.SECRET);
            String forwarded = "Action: CoreSettings\r\n" + "Upstream: " + UPSTREAM + "\r\n";
            String plain = "Action: CoreSettings\r\n";
            for (int i = 0; i < warmup; i++) {
                roundTrip(viaAmi, forwarded, i);
                roundTrip(direct, plain, i);
            }
            Latencies through = new Latencies();
            Latencies straight = new Latencies();
            for (int i = 0; i < probes; i += 100) {
                for (int j = i; j < Math.min(probes, i + 100); j++) {
                    through.add(roundTrip(viaAmi, forwarded, j));
                }
                for (int j = i; j < Math.min(probes, i + 100); j++) {
                    straight.add(roundTrip(direct, plain, j));
                }
            }
            return new ActionLatency(probes, warmup, through.quantiles(), straight.quantiles());
        }
    }

    private static long roundTrip(BlockingAmi ami, String request, int n) throws IOException {
        String id = "x" + n;
        long t0 = System.nanoTime();
        ami.send(request + "ActionID: " + id + "\r\n\r\n");
        AmiMessage answer = ami.next();
        long took = System.nanoTime() - t0;
        if (!answer.isResponse(AmiMessage.SUCCESS) || !id.equals(answer.actionId)) {
            throw new IOException(String.format(Locale.ROOT, "CoreSettings %s answered %s", id, answer));
        }
        return took;
    }
}
