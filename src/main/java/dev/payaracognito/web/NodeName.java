package dev.payaracognito.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;

/**
 * Which node of a cluster served the page, for the footer: {@code app.node-name} ({@code APP_NODE_NAME}), shown
 * only where it is set (the cluster demo sets it, so that a person sees requests move between nodes).
 */
@Named("node")
@ApplicationScoped
public class NodeName {

    @Inject
    private Config config;

    private String name;

    @PostConstruct
    void read() {
        name = config.getOptionalValue("app.node-name", String.class).orElse(null);
    }

    public String getName() {
        return name;
    }
}
