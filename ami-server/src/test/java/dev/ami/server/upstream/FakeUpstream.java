package dev.ami.server.upstream;

import dev.ami.api.authority.Authority;
import dev.ami.api.connector.Upstream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An upstream session that records what is sent to it, and a directory that holds it. */
final class FakeUpstream implements UpstreamChannel, UpstreamDirectory {

    final List<List<String>> sent = new ArrayList<>();
    final Map<String, Authority> actions = new HashMap<>();
    Upstream settings;
    boolean connected = true;

    FakeUpstream(String name) {
        settings = new Upstream(name, "192.0.2.10", 5038, false, true, "", "ami", "pw", Authority.ALL, true, false);
    }

    FakeUpstream lists(String action, String classes) {
        actions.put(action.toLowerCase(Locale.ROOT), classes.isEmpty() ? Authority.NONE : Authority.parse(classes));
        return this;
    }

    @Override
    public Upstream settings() {
        return settings;
    }

    @Override
    public Optional<Authority> actionClasses(String action) {
        return Optional.ofNullable(actions.get(action.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean send(List<String> lines) {
        if (!connected) {
            return false;
        }
        sent.add(List.copyOf(lines));
        return true;
    }

    @Override
    public Optional<UpstreamChannel> connected(String name) {
        return connected && name.equalsIgnoreCase(settings.name()) ? Optional.of(this) : Optional.empty();
    }

    @Override
    public boolean configured(String name) {
        return name.equalsIgnoreCase(settings.name());
    }
}
