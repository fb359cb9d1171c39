package dev.ami.server.action;

import dev.ami.server.action.channels.CoreShowChannelsAction;
import dev.ami.server.action.channels.GetvarAction;
import dev.ami.server.action.channels.HangupAction;
import dev.ami.server.action.channels.StatusAction;
import dev.ami.server.action.cli.CommandAction;
import dev.ami.server.action.core.CoreSettingsAction;
import dev.ami.server.action.core.CoreStatusAction;
import dev.ami.server.action.core.ListCommandsAction;
import dev.ami.server.action.core.PingAction;
import dev.ami.server.action.core.ReloadAction;
import dev.ami.server.action.events.EventsAction;
import dev.ami.server.action.events.FilterAction;
import dev.ami.server.action.events.UserEventAction;
import dev.ami.server.action.events.WaitEventAction;
import dev.ami.server.action.login.ChallengeAction;
import dev.ami.server.action.login.LoginAction;
import dev.ami.server.action.login.LogoffAction;
import java.util.List;

/** The actions the connector itself provides. */
public final class BuiltInActions {

    private BuiltInActions() {
    }

    /** @return a fresh registry holding every built-in action */
    public static ActionRegistry registry() {
        return new ActionRegistry(List.of(
                new LoginAction(),
                new ChallengeAction(),
                new LogoffAction(),
                new PingAction(),
                new CoreSettingsAction(),
                new CoreStatusAction(),
                new ListCommandsAction(),
                new EventsAction(),
                new UserEventAction(),
                new WaitEventAction(),
                new FilterAction(),
                new ReloadAction(),
                new CommandAction(),
                new GetvarAction(),
                new HangupAction(),
                new CoreShowChannelsAction(),
                new StatusAction()));
    }
}
