package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.glassfish.soteria.mechanisms.openid.controller.TokenController.TokensResponse;
import org.junit.jupiter.api.Test;

/**
 * The kept client answers Soteria in Soteria's own type, made through its package-private constructor: a Soteria
 * whose type changed fails here, at build time, not at the first sign-in.
 */
class KeptTokenClientTest {

    @Test
    void cognitosAnswerReachesSoteriaWithItsStatusAndBody() {
        JsonObject refusal = Json.createObjectBuilder().add("error", "invalid_grant").build();

        TokensResponse answer = KeptTokenClient.answer(400, refusal);

        assertEquals(400, answer.getStatus());
        assertEquals(refusal, answer.getTokensObject());
    }
}
