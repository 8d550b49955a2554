package dev.payaracognito.web;

import dev.payaracognito.telemetry.Tracing;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every page's query leaves traces without its values ({@link Tracing#redactQuery}): the admin's search names a
 * user, and whatever else a client puts there is the client's. Registered in faces-config.xml.
 */
public class QueryOutOfTraces implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforePhase(PhaseEvent event) {
        if (event.getFacesContext().getExternalContext().getRequest() instanceof HttpServletRequest request) {
            Tracing.redactQuery(request);
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {}

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
