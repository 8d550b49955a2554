package dev.payaracognito.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuerFormatTest {

    private static final String POOL = "eu-west-1_AbC123xyz";
    private static final String ORIGINAL = "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL;
    private static final String UPDATED = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/" + POOL;
    private static final String REPLICA = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL;

    @Test
    void eachFormatGivesItsIssuersTheHomeOneFirst() {
        assertEquals(List.of(ORIGINAL), IssuerFormat.ORIGINAL.issuers("eu-west-1", POOL, List.of()));
        assertEquals(List.of(UPDATED), IssuerFormat.UPDATED.issuers("eu-west-1", POOL, List.of()));
        assertEquals(List.of(ORIGINAL, UPDATED), IssuerFormat.BOTH.issuers("eu-west-1", POOL, List.of()));
    }

    @Test
    void replicaRegionsAddOriginalFormatIssuersOnly() {
        // Cognito: with replication, the original format names the issuing region, the updated one the primary
        assertEquals(List.of(ORIGINAL, REPLICA), IssuerFormat.ORIGINAL.issuers("eu-west-1", POOL, List.of("us-east-1")));
        assertEquals(List.of(ORIGINAL, UPDATED, REPLICA),
                IssuerFormat.BOTH.issuers("eu-west-1", POOL, List.of("us-east-1")));
    }

    @Test
    void anEmulatorServesEachAwsIssuerUnderItsOwnPath() {
        assertEquals("http://localhost:9229/cognito-idp.eu-west-1.amazonaws.com/" + POOL,
                IssuerFormat.onEmulator("http://localhost:9229", ORIGINAL));
        assertEquals("http://localhost:9229/issuer-cognito-idp.eu-west-1.amazonaws.com/" + POOL,
                IssuerFormat.onEmulator("http://localhost:9229", UPDATED));
    }

    @Test
    void namedInAnyCaseAndNothingElse() {
        assertEquals(Optional.of(IssuerFormat.UPDATED), IssuerFormat.named(" updated "));
        assertEquals(Optional.of(IssuerFormat.BOTH), IssuerFormat.named("BOTH"));
        assertEquals(Optional.empty(), IssuerFormat.named("newest"));
        assertEquals(Optional.empty(), IssuerFormat.named(""));
    }
}
