package dev.payaracognito.web;

import dev.payaracognito.security.browser.SignedInSession;
import dev.payaracognito.security.browser.SiteRedirects;
import dev.payaracognito.sessions.IndexedSession;
import dev.payaracognito.sessions.SessionEnding;
import dev.payaracognito.sessions.SessionIndex;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * "Your sessions" on the profile page: every signed-in session of the user across the cluster, this one marked,
 * and the Faces POSTs (the view state is their CSRF token) that end one of the others, or all of them. A user ends
 * only their own: a session is looked up among the caller's, whatever id the form sends. Each row is a form of its
 * own that names its session, so that what is ended never depends on the list being the same at the POST.
 */
@Named
@RequestScoped
public class YourSessions {

    @Inject
    private HttpServletRequest request;

    @Inject
    private SessionIndex index;

    @Inject
    private SessionEnding ending;

    @Inject
    private SignedInSession signedInSession;

    @Inject
    private SiteRedirects redirects;

    /**
     * How many sessions the page lists at most: this one and the latest active others. Each listed session is a form
     * whose state Faces keeps in every view of the page, in the session: a user signed in 300 times made each of
     * their pages' views weigh about 30 KB (docs/performance.md). "Sign out all other sessions" ends the rest too.
     */
    static final int LISTED = 10;

    private SessionIndex.Listing listing;
    private List<SessionRow> rows;

    /** This session first, then the others, the latest active first; {@link #LISTED} at most. */
    public List<SessionRow> getSessions() {
        if (rows == null) {
            String current = currentId();
            Instant now = Instant.now();
            rows = listing().sessions().stream().map(session -> SessionRow.of(session, current, now)).toList();
        }
        return rows;
    }

    /** How many of the user's sessions are signed in, listed or not. */
    public int getCount() {
        return listing().count();
    }

    /** How many, the least recently active, the page does not list. */
    public int getUnlisted() {
        return getCount() - getSessions().size();
    }

    /**
     * The listed sessions and the count, read once per request: a user signed in hundreds of times has hundreds of
     * sessions to count, and only the listed are opened ({@link SessionIndex#listed}).
     */
    private SessionIndex.Listing listing() {
        if (listing == null) {
            listing = index.listed(user(), currentId(), LISTED);
        }
        return listing;
    }

    /**
     * Ends one session of the caller's, named by the form's {@code session} field (not this one: that is what Sign
     * out is for).
     */
    public void end() throws IOException {
        String id = request.getParameter("session");
        List<IndexedSession> mine = id == null ? List.of() : index.find(user(), id)
                .filter(session -> !session.id().equals(currentId())).stream().toList();
        ended(mine, "one of their sessions");
    }

    public void endOthers() throws IOException {
        String current = currentId();
        ended(index.of(user()).stream().filter(session -> !session.id().equals(current)).toList(),
                "all their other sessions");
    }

    /** Back to the profile (on the public address, whatever Host a proxy forwards), saying what was ended. */
    private void ended(List<IndexedSession> sessions, String how) throws IOException {
        SessionEnding.Ended ended = ending.end(request, user(), user(), sessions, how);
        FacesContext.getCurrentInstance().getExternalContext().redirect(redirects.location(request,
                "/secure/profile.xhtml?ended=" + ended.count() + (ended.refreshTokensRevoked() ? "" : "&revoked=no")));
    }

    private String currentId() {
        return signedInSession.sessionId(request);
    }

    private String user() {
        return request.getRemoteUser();
    }
}
