package dev.payaracognito.security.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/secure/profile.xhtml", "/secure/profile.xhtml?tab=a&b=%2F%2Fevil",
        "/%2F%2Fevil.example", "/admin/index.xhtml#top", "/%5Cevil.example", "/@evil.example"})
    void pathsOfThisSiteAreFollowed(String path) {
        assertTrue(SiteRedirects.isLocalPath(path));
        assertEquals(path, SiteRedirects.localOrHome(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "//evil.example/sign-in-again", "/\\evil.example", "https:evil.example",
        "https://evil.example/", "evil.example", "", "\\\\evil.example", "/\tevil", "/secure\r\nSet-Cookie: x=y",
        "/a\\b", "//", "/\\", "///evil.example", "/\u0000", "/\u007f", "javascript:alert(1)", " /x"})
    void anythingElseIsNotAndLeadsHome(String path) {
        assertFalse(SiteRedirects.isLocalPath(path));
        assertEquals("/", SiteRedirects.localOrHome(path));
    }

    @Test
    void aLocationIsAbsoluteOnTheAppsBaseUrl() {
        assertEquals("https://app.example/secure/x?a=b", SiteRedirects.location("https://app.example", "/secure/x?a=b"));
        assertEquals("https://app.example/", SiteRedirects.location("https://app.example", "//evil.example/x"));
        assertEquals("https://app.example/", SiteRedirects.location("https://app.example", null));
    }

    @Test
    void thisPageIsTheRequestedPageWithItsQueryOnlyForAGet() {
        assertEquals("/secure/p.xhtml?tab=1", SiteRedirects.thisPage(request("GET", "/secure/p.xhtml", "tab=1")));
        assertEquals("/secure/p.xhtml", SiteRedirects.thisPage(request("POST", "/secure/p.xhtml", "tab=1")));
        assertEquals("/", SiteRedirects.thisPage(request("GET", "//evil.example/sign-in-again", null)));
        assertEquals("/", SiteRedirects.thisPage(request("GET", "/\\evil.example", "x")));
    }

    private static HttpServletRequest request(String method, String uri, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(SiteRedirectsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    default -> null;
                });
    }
}
