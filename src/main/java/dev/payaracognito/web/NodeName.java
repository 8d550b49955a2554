package dev.payaracognito.web;

import dev.payaracognito.cognito.CognitoSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Which node of a cluster served the page, for the footer: {@code app.node-name} ({@code APP_NODE_NAME}), shown
 * only where it is set (the cluster demo sets it, so that a person sees requests move between nodes).
 */
@Named("node")
@ApplicationScoped
public class NodeName {

    @Inject
    private CognitoSettings settings;

    public String getName() {
        return settings.site().nodeName();
    }
}
