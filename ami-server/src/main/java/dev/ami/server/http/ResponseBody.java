package dev.ami.server.http;

import java.util.List;

/**
 * The body of an HTTP manager answer, made from the AMI text the session produced for the request
 * (the exact bytes a TCP client would have got, events included for WaitEvent), byte for byte as
 * Asterisk 22 makes it (main/manager.c, generic_http_callback and auth_http_callback, which write
 * the session's output to a file and then render it with process_output):
 * <ul>
 *   <li>raw: the text unchanged;</li>
 *   <li>XML: {@code <ajax-response>\n}, the blocks ({@link XmlTranslator}), {@code </ajax-response>\n};</li>
 *   <li>HTML: a fixed page head, the rows ({@link XmlTranslator}) and a fixed close. The cookie form
 *       ({@code /manager}) has the "Manager Tester" page with its form; the digest form
 *       ({@code /amanager}) has a different page, a complete HTML document.</li>
 * </ul>
 * An empty text gives the wrappers alone. Asterisk reads the output as a C string, so the text
 * ends at its first NUL in every format. Text is a byte string (one char per byte, ISO-8859-1).
 */
public final class ResponseBody {

    private static final String FORM_ROW = "<tr><td colspan=\"2\" bgcolor=\"#f1f1ff\">%s</td></tr>\r\n";

    /** generic_http_callback's page head: title, table, ROW_FMT with the heading and TEST_STRING. */
    private static final String MANAGER_HEAD = "<title>Asterisk&trade; Manager Interface</title>"
            + "<body bgcolor=\"#ffffff\"><table align=center bgcolor=\"#f1f1f1\" width=\"500\">\r\n"
            + String.format(FORM_ROW, "<h1>Manager Tester</h1>")
            + String.format(FORM_ROW, "<form action=\"manager\" method=\"post\">\n"
                    + "\tAction: <select name=\"action\">\n"
                    + "\t\t<option value=\"\">-----&gt;</option>\n"
                    + "\t\t<option value=\"login\">login</option>\n"
                    + "\t\t<option value=\"command\">Command</option>\n"
                    + "\t\t<option value=\"waitevent\">waitevent</option>\n"
                    + "\t\t<option value=\"listcommands\">listcommands</option>\n"
                    + "\t</select>\n"
                    + "\tor <input name=\"action\"><br/>\n"
                    + "\tCLI Command <input name=\"command\"><br>\n"
                    + "\tuser <input name=\"username\"> pass <input type=\"password\" name=\"secret\"><br>\n"
                    + "\t<input type=\"submit\">\n"
                    + "</form>\n");

    private static final String MANAGER_TAIL = "</table></body>\r\n";

    /** auth_http_callback's page head. */
    private static final String DIGEST_MANAGER_HEAD = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n"
            + "<html><head>\r\n"
            + "<title>Asterisk&trade; Manager Interface</title>\r\n"
            + "</head><body style=\"background-color: #ffffff;\">\r\n"
            + "<form method=\"POST\">\r\n"
            + "<table align=\"center\" style=\"background-color: #f1f1f1;\" width=\"500\">\r\n"
            + "<tr><th colspan=\"2\" style=\"background-color: #f1f1ff;\"><h1>Manager Tester</h1></th></tr>\r\n"
            + "<tr><th colspan=\"2\" style=\"background-color: #f1f1ff;\">Action: <input name=\"action\" /> "
            + "Cmd: <input name=\"command\" /><br><input type=\"submit\" value=\"Send request\" /></th></tr>\r\n";

    private static final String DIGEST_MANAGER_TAIL = "</table></form></body></html>\r\n";

    private ResponseBody() {
    }

    /**
     * Renders one answer.
     *
     * @param path       the URI the request named (its format, and which HTML page)
     * @param amiText    the AMI text the session produced, as a byte string
     * @param parameters the request's parameters, all of them (XML takes {@code ajaxdest} and
     *                   {@code ajaxobjtype} from them)
     * @return the body, as a byte string
     */
    public static String render(HttpManagerPath path, String amiText, List<HttpParameter> parameters) {
        StringBuilder out = new StringBuilder(amiText.length() * 2 + 1024);
        switch (path.format()) {
            case RAW -> out.append(AsteriskText.cString(amiText));
            case XML -> {
                out.append("<ajax-response>\n");
                XmlTranslator.translate(out, amiText, true, parameters);
                out.append("</ajax-response>\n");
            }
            case HTML -> {
                out.append(path.digest() ? DIGEST_MANAGER_HEAD : MANAGER_HEAD);
                XmlTranslator.translate(out, amiText, false, parameters);
                out.append(path.digest() ? DIGEST_MANAGER_TAIL : MANAGER_TAIL);
            }
            default -> throw new IllegalStateException("format " + path.format());
        }
        return out.toString();
    }
}
