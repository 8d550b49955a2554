package dev.payaracognito.localcognito.endpoints;

import static dev.payaracognito.localcognito.endpoints.Exchange.escapeHtml;

import dev.payaracognito.localcognito.IdentityProvider;
import dev.payaracognito.localcognito.PoolUser;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The hosted UI's HTML: the sign-in form, a stand-in identity provider's page and the error page. Plain, like
 * Cognito's classic hosted UI. Cognito shows its pages in the language {@code lang} asks for; the local ones are in
 * English and only name that language in {@code <html lang>}.
 */
final class HostedPages {

    private static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    private HostedPages() {}

    static String signInForm(String rawQuery, String csrfToken, String error, Collection<String> providerNames,
            String lang) {
        String providers = providerNames.stream().sorted()
                .map(name -> "<p><a class=\"provider\" href=\"" + escapeHtml("/oauth2/authorize?" + rawQuery
                        + "&identity_provider=" + Exchange.encode(name)) + "\">Continue with " + escapeHtml(name)
                        + "</a></p>\n")
                .collect(Collectors.joining());
        return page(lang, "Sign in", """
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
                %s<p class="note">Local Cognito: a stand-in for Amazon Cognito's hosted UI, for development and
                tests.</p>
                """.formatted(errorMessage(error), escapeHtml(rawQuery), escapeHtml(csrfToken), providers));
    }

    /** One button per account: the stand-in provider signs in whom it is told to, with no password. */
    static String providerPage(IdentityProvider provider, List<PoolUser> accounts, String action, String csrfToken,
            String error, String lang) {
        String name = escapeHtml(provider.providerName());
        String buttons = accounts.stream()
                .map(u -> "  <button name=\"userId\" value=\"" + escapeHtml(u.identity().userId())
                        + "\" type=\"submit\">Sign in with " + name + " as " + escapeHtml(u.email()) + "</button>\n")
                .collect(Collectors.joining());
        return page(lang, "Sign in with " + provider.providerName(), """
                <h1>Sign in with %s</h1>
                %s
                <form name="federatedSignInForm" method="post" action="%s">
                  <input type="hidden" name="_csrf" value="%s">
                %s  <button name="cancel" value="cancel" type="submit">Cancel</button>
                </form>
                <p class="note">Local Cognito: a stand-in for the identity provider %s (%s), for development and
                tests.</p>
                """.formatted(name, errorMessage(error), escapeHtml(action), escapeHtml(csrfToken), buttons, name,
                escapeHtml(provider.providerType().typeName())));
    }

    static String errorPage(String message) {
        return page("en", "An error was encountered", "<h1>An error was encountered with the requested page.</h1>"
                + "<p class=\"error\">" + escapeHtml(message) + "</p>");
    }

    private static String errorMessage(String error) {
        return error == null ? ""
                : "<p id=\"loginErrorMessage\" class=\"error\" role=\"alert\">" + escapeHtml(error) + "</p>";
    }

    /** The empty icon link stops browsers from asking for a {@code /favicon.ico} that is not there. */
    private static String page(String lang, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <link rel="icon" href="data:,">
                <style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto}label,input,button{display:block;\
                width:100%%;margin:.4rem 0}.error{color:#b00020}.note{color:#666;font-size:.8rem}</style>
                </head><body>
                %s</body></html>
                """.formatted(lang != null && lang.matches(LANGUAGE_TAG) ? lang : "en", escapeHtml(title), body);
    }
}
