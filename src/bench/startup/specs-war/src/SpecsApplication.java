package specs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The specifications this app uses, and nothing of it: JAX-RS, CDI, Jakarta Security (Soteria), Faces. */
@ApplicationPath("api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "specs")
public class SpecsApplication extends Application {
}
