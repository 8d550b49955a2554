package dev.payaracognito.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Switches Jakarta Faces on for this application. */
@FacesConfig
@ApplicationScoped
public class FacesActivation {}
