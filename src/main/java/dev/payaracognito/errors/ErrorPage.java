package dev.payaracognito.errors;

import jakarta.faces.application.ResourceHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the page of a {@link Failure}: plain HTML, escaped, never cached, with no detail of what failed. A
 * client that went away while it is written gets an {@link UncheckedIOException}: nothing else can be done.
 */
public final class ErrorPage {

    /** The pages' Faces resources, by their URLs: this page is written without Faces. */
    private static final String STYLESHEET = ResourceHandler.RESOURCE_IDENTIFIER + "/app.css.xhtml";
    private static final String FAVICON = ResourceHandler.RESOURCE_IDENTIFIER + "/favicon.svg.xhtml";

    private ErrorPage() {}

    public static void send(HttpServletResponse response, Failure failure) {
        send(response, failure, List.of());
    }

    public static void send(HttpServletResponse response, Failure failure, List<String> details) {
        if (response.isCommitted()) {
            return;
        }
        try {
            write(response, failure, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(HttpServletResponse response, Failure failure, List<String> details)
            throws IOException {
        response.resetBuffer();
        response.setStatus(failure.status());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        StringBuilder items = new StringBuilder();
        for (String detail : details) {
            items.append("<li>").append(escape(detail)).append("</li>");
        }
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <link rel="stylesheet" href="%s">
                <link rel="icon" href="%s" type="image/svg+xml"></head>
                <body><main class="error" data-status="%d">
                <h1>%s</h1><p>%s</p>%s
                <p><a href="/">Back to the home page</a></p>
                </main></body></html>
                """.formatted(escape(failure.title()), STYLESHEET, FAVICON, failure.status(), escape(failure.title()),
                escape(failure.message()), items.isEmpty() ? "" : "<ul>" + items + "</ul>"));
        response.flushBuffer();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
