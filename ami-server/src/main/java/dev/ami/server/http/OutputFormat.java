package dev.ami.server.http;

/**
 * The three renderings Asterisk gives an AMI answer over HTTP (main/manager.c, enum output_format
 * and contenttype[]): the raw AMI text, an HTML table, or XML.
 */
public enum OutputFormat {

    /** {@code /rawman}, {@code /arawman}: the bytes a TCP client would get. */
    RAW("text/plain"),
    /** {@code /manager}, {@code /amanager}: the Manager Tester page. */
    HTML("text/html"),
    /** {@code /mxml}, {@code /amxml}: an {@code <ajax-response>} document. */
    XML("text/xml");

    private final String contentType;

    OutputFormat(String contentType) {
        this.contentType = contentType;
    }

    /**
     * The media type Asterisk sends for this format, in its {@code Content-type} header.
     *
     * @return {@code text/plain}, {@code text/html} or {@code text/xml}
     */
    public String contentType() {
        return contentType;
    }
}
