package dev.ami.api;

/**
 * The protocol level this server speaks.
 *
 * <p>AMI has its own version number, distinct from the Asterisk release: Asterisk 22, whose
 * behaviour ami matches byte for byte, announces AMI {@value #AMI_VERSION}. Clients such as
 * asterisk-java require the greeting to start with {@code Asterisk Call Manager/}.
 */
public final class AmiVersion {

    /** The AMI protocol level of Asterisk 22, reported in the greeting and by CoreSettings. */
    public static final String AMI_VERSION = "11.0.0";

    /** The line sent on every new connection, without its CRLF terminator. */
    public static final String GREETING = "Asterisk Call Manager/" + AMI_VERSION;

    /** The Asterisk release whose AMI behaviour is reproduced, as reported by CoreSettings. */
    public static final String ASTERISK_VERSION = "22.10.1";

    private AmiVersion() {
    }
}
