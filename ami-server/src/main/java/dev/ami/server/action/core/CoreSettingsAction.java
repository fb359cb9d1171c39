package dev.ami.server.action.core;

import dev.ami.api.AmiVersion;
import dev.ami.api.authority.AuthorityClass;
import dev.ami.server.action.AbstractAction;
import dev.ami.server.action.ActionCall;

/**
 * {@code Action: CoreSettings}: versions and core limits. Clients such as asterisk-java read
 * {@code AsteriskVersion} right after login to choose their behaviour, so it names the Asterisk
 * release whose AMI we reproduce. There is no PBX core here: limits are 0, CDR and realtime off.
 */
public final class CoreSettingsAction extends AbstractAction {

    public CoreSettingsAction() {
        super("CoreSettings", "Show PBX core settings (version etc).", AuthorityClass.SYSTEM, AuthorityClass.REPORTING);
    }

    @Override
    public void handle(ActionCall call) {
        call.reply(call.success()
                .header("AMIversion", AmiVersion.AMI_VERSION)
                .header("AsteriskVersion", AmiVersion.ASTERISK_VERSION)
                .header("SystemName", "")
                .header("CoreMaxCalls", "0")
                .header("CoreMaxLoadAvg", "0.000000")
                .header("CoreRunUser", "")
                .header("CoreRunGroup", "")
                .header("CoreMaxFilehandles", "0")
                .header("CoreRealTimeEnabled", "No")
                .header("CoreCDRenabled", "No")
                .header("CoreHTTPenabled", "No")
                .header("SoundsSearchCustomDir", "No")
                .build());
    }
}
