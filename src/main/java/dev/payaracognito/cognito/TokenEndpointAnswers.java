package dev.payaracognito.cognito;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Looks at Cognito's token endpoint's answers before the OpenID mechanism does, to tell Cognito's trouble from a
 * refusal: a 5xx, or a 200 that is not a JSON object with an ID and an access token, is {@link CognitoTrouble}
 * (the sign-in gets our "Cognito is having trouble" page, a due refresh waits); a 4xx ({@code invalid_grant}, …)
 * goes on to the mechanism, which refuses it. The mechanism itself reads any answer as a refusal, or fails on
 * one that is not JSON.
 */
public class TokenEndpointAnswers implements ClientResponseFilter {

    private static final String TOKEN_PATH = "/oauth2/token";
    /** Cognito's token responses are a few KB. */
    private static final int MAX_ANSWER = 64 * 1024;
    /** One factory: {@code Json.createReader} looks the JSON provider up (a search of the class path) each call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        if (!request.getUri().getPath().endsWith(TOKEN_PATH)) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500) {
            throw new CognitoTrouble("the token endpoint answered " + status, true);
        }
        if (status != 200) {
            return;
        }
        byte[] answer = read(response);
        if (!hasTokens(answer)) {
            throw new CognitoTrouble("the token endpoint answered 200 without an ID and an access token", false);
        }
        response.setEntityStream(new ByteArrayInputStream(answer));
    }

    private static byte[] read(ClientResponseContext response) throws IOException {
        if (!response.hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = response.getEntityStream()) {
            byte[] answer = in.readNBytes(MAX_ANSWER + 1);
            if (answer.length > MAX_ANSWER) {
                throw new CognitoTrouble("the token endpoint's answer is larger than " + MAX_ANSWER + " bytes", false);
            }
            return answer;
        }
    }

    private static boolean hasTokens(byte[] answer) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(answer), StandardCharsets.UTF_8)) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject tokens && tokens.get("id_token") instanceof JsonString
                    && tokens.get("access_token") instanceof JsonString;
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}
