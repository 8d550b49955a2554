package dev.payaracognito.security.browser;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a sign-in goes to the hosted UI: straight to one of the pool's identity providers when the page asked for
 * one of the configured ones ({@code ?identity_provider=Google}), and in the browser's language when Cognito's
 * managed login speaks it. Both are added to the mechanism's authorization request, which Soteria builds without
 * them.
 *
 * @param identityProvider a configured provider's name, or null for the password form (or Cognito's choice page)
 * @param lang a language of Cognito's managed login, or null for its default
 */
record SignInChoice(String identityProvider, String lang) {

    /** The request parameter of a "Sign in with …" link, named as Cognito's own. */
    static final String PROVIDER_PARAMETER = "identity_provider";

    /** Cognito's managed login languages (its {@code lang} parameter). */
    private static final Set<String> LANGUAGES = Set.of("de", "en", "es", "fr", "id", "it", "ja", "ko", "pt-BR",
            "zh-CN", "zh-TW");

    static SignInChoice of(HttpServletRequest request, List<String> configuredProviders) {
        String asked = request.getParameter(PROVIDER_PARAMETER);
        // Only a configured name: anything else is dropped, never passed on to Cognito.
        String provider = asked != null && configuredProviders.contains(asked) ? asked : null;
        return new SignInChoice(provider, language(Collections.list(request.getLocales())));
    }

    /** The first of the browser's languages that managed login speaks: a region if it has it, else the language. */
    static String language(List<Locale> preferred) {
        for (Locale locale : preferred) {
            String tagged = locale.getLanguage() + "-" + locale.getCountry();
            if (LANGUAGES.contains(tagged)) {
                return tagged;
            }
            if (LANGUAGES.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return null;
    }

    /** The authorization request with the choice added. */
    String addTo(String authorizationRequest) {
        StringBuilder url = new StringBuilder(authorizationRequest);
        if (identityProvider != null) {
            url.append('&').append(PROVIDER_PARAMETER).append('=').append(encoded(identityProvider));
        }
        if (lang != null) {
            url.append("&lang=").append(encoded(lang));
        }
        return url.toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
