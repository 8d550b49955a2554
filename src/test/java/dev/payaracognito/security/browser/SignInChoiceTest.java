package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignInChoiceTest {

    private static final String AUTHORIZE = "https://auth.example/oauth2/authorize?client_id=c&state=s";

    @Test
    void aProviderAndALanguageAreAddedToTheAuthorizationRequest() {
        assertEquals(AUTHORIZE + "&identity_provider=Okta-SAML&lang=de",
                new SignInChoice("Okta-SAML", "de").addTo(AUTHORIZE));
        assertEquals(AUTHORIZE + "&identity_provider=My+IdP%26x", new SignInChoice("My IdP&x", null).addTo(AUTHORIZE));
        assertEquals(AUTHORIZE, new SignInChoice(null, null).addTo(AUTHORIZE));
    }

    @Test
    void theFirstLanguageManagedLoginSpeaksIsTaken() {
        assertEquals("pt-BR", SignInChoice.language(List.of(Locale.forLanguageTag("pt-BR"), Locale.ENGLISH)));
        assertEquals("fr", SignInChoice.language(List.of(Locale.forLanguageTag("nl-BE"), Locale.forLanguageTag("fr-CH"))));
        assertEquals("zh-TW", SignInChoice.language(List.of(Locale.forLanguageTag("zh-TW"))));
        assertNull(SignInChoice.language(List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("pt-PT"))));
    }
}
