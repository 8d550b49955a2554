package dev.payaracognito.localcognito.endpoints;

import static dev.payaracognito.localcognito.endpoints.Exchange.escapeHtml;

/** The hosted UI's HTML: the sign-in form and the error page. Plain, like Cognito's classic hosted UI. */
final class HostedPages {

    private HostedPages() {}

    static String signInForm(String rawQuery, String csrfToken, String error) {
        String message = error == null ? ""
                : "<p id=\"loginErrorMessage\" class=\"error\" role=\"alert\">" + escapeHtml(error) + "</p>";
        return page("Sign in", """
                <h1>Sign in with your username and password</h1>
                %s
                <form name="signInForm" method="post" action="/login?%s">
                  <input type="hidden" name="_csrf" value="%s">
                  <label for="signInFormUsername">Username</label>
                  <input id="signInFormUsername" name="username" type="text" autocomplete="username" required>
                  <label for="signInFormPassword">Password</label>
                  <input id="signInFormPassword" name="password" type="password" autocomplete="current-password" required>
                  <input name="signInSubmitButton" type="submit" value="Sign in">
                </form>
                <p class="note">Local Cognito: a stand-in for Amazon Cognito's hosted UI, for development and tests.</p>
                """.formatted(message, escapeHtml(rawQuery), escapeHtml(csrfToken)));
    }

    static String errorPage(String message) {
        return page("An error was encountered", "<h1>An error was encountered with the requested page.</h1>"
                + "<p class=\"error\">" + escapeHtml(message) + "</p>");
    }

    /** The empty icon link stops browsers from asking for a {@code /favicon.ico} that is not there. */
    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <link rel="icon" href="data:,">
                <style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto}label,input{display:block;\
                width:100%%;margin:.4rem 0}.error{color:#b00020}.note{color:#666;font-size:.8rem}</style>
                </head><body>
                %s</body></html>
                """.formatted(escapeHtml(title), body);
    }
}
