package dev.payaracognito.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadyForSignInsTest {

    @ParameterizedTest(name = "keys {0}, Cognito answers {1}, required {2}: ready {3}")
    @CsvSource({
        "true,  true,  false, true",
        "true,  false, false, true",   // the default: a Cognito outage does not take the node out
        "true,  false, true,  false",  // unless the operator asks for it
        "true,  true,  true,  true",
        "false, true,  false, false",  // without the pool's keys nothing can be validated
        "false, false, false, false"
    })
    void readyWhenTheKeysAreKnownAndCognitoOnlyIfRequired(boolean keys, boolean answers, boolean required,
            boolean ready) {
        assertEquals(ready, ReadyForSignIns.ready(keys, answers, required));
    }
}
