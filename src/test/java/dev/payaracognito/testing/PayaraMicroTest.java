package dev.payaracognito.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class run against the app deployed on Payara Micro by Arquillian, with the run's shared local Cognito
 * ({@link SharedCognito}, registered first so that it is running when the app is deployed).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SharedCognito.class)
@ExtendWith(ArquillianExtension.class)
public @interface PayaraMicroTest {}
