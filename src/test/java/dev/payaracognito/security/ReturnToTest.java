package dev.payaracognito.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/secure/profile.xhtml", "/secure/profile.xhtml?tab=a&b=%2F%2Fevil",
        "/%2F%2Fevil.example", "/admin/index.xhtml#top"})
    void pathsOfThisSiteAreFollowed(String path) {
        assertTrue(ReturnTo.isLocalPath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https:evil.example", "https://evil.example/",
        "evil.example", "", "\\\\evil.example", "/\tevil", "/secure\r\nSet-Cookie: x=y", "/a\\b", "//", "/\\"})
    void anythingElseIsNot(String path) {
        assertFalse(ReturnTo.isLocalPath(path));
    }
}
