package dev.ami.persistence.manager;

import dev.ami.api.connector.Upstream;
import dev.ami.persistence.conf.ConfigDocument;
import java.util.List;

/** Writes stored upstreams as upstreams.conf text that {@link UpstreamsConfReader} reads back as the same upstreams. */
public final class UpstreamsConfWriter {

    private UpstreamsConfWriter() {
    }

    /**
     * @param upstreams the upstreams, secrets in clear
     * @param heading   a comment for the first line, or null
     * @return the text of upstreams.conf
     */
    public static String write(List<Upstream> upstreams, String heading) {
        StringBuilder out = new StringBuilder();
        if (heading != null) {
            out.append("; ").append(heading.replace("\n", " ")).append('\n');
        }
        for (Upstream u : upstreams) {
            out.append('\n').append(ConfigDocument.header(u.name(), List.of())).append('\n');
            UpstreamSection.lines(u).forEach(line -> out.append(ConfigDocument.line(line.option(), line.value())).append('\n'));
        }
        return out.toString();
    }
}
