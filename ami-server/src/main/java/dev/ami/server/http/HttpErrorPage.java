package dev.ami.server.http;

import dev.ami.api.http.HttpManagerReply;
import dev.ami.api.message.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The error pages of Asterisk's HTTP server (main/http.c, ast_http_error), byte for byte: status,
 * title and text, and the server name as the page's address.
 */
final class HttpErrorPage {

    private HttpErrorPage() {
    }

    static HttpManagerReply reply(int status, String title, String text, String serverName) {
        // Asterisk sends Cache-Control on every answer, error pages included (main/http.c, ast_http_send)
        return new HttpManagerReply(status, title, List.of(new Header("Cache-Control", "no-cache, no-store"),
                new Header("Content-type", "text/html")),
                page(status, title, text, serverName));
    }

    /** @return the page of ast_http_create_response, as ISO-8859-1 bytes */
    static byte[] page(int status, String title, String text, String serverName) {
        String page = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n"
                + "<html><head>\r\n"
                + "<title>" + status + " " + title + "</title>\r\n"
                + "</head><body>\r\n"
                + "<h1>" + title + "</h1>\r\n"
                + "<p>" + text + "</p>\r\n"
                + "<hr />\r\n"
                + "<address>" + serverName + "</address>\r\n"
                + "</body></html>\r\n";
        return page.getBytes(StandardCharsets.ISO_8859_1);
    }

    static HttpManagerReply notFound(String serverName) {
        return reply(404, "Not Found", "The requested URL was not found on this server.", serverName);
    }
}
