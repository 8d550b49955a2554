package dev.payaracognito.web;

import dev.payaracognito.audit.AuditLog;
import dev.payaracognito.security.browser.SiteRedirects;
import dev.payaracognito.sessions.GlobalSignOut;
import dev.payaracognito.sessions.IndexedSession;
import dev.payaracognito.sessions.SessionEnding;
import dev.payaracognito.sessions.SessionIndex;
import dev.payaracognito.sessions.SignedInUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The admin's page for one user's access: find a signed-in user by username or e-mail (a prefix is enough, a page
 * at a time: {@code q}, {@code page}), see their sessions ({@code user}), all plain GETs that change nothing; and end
 * all of them, a Faces POST (its view state is the CSRF token), with Cognito's global sign-out where it is on. The
 * state is in the address, not in the HTTP session (which the data grid holds unsealed). Every read and the action
 * check the caller's group themselves (the page's constraint in web.xml is not the only guard: a caller outside it
 * is refused, audited, and shown nothing). No token is ever on the page.
 */
@Named
@RequestScoped
public class AdminSessions {

    static final String ADMINS = "admins";
    static final int PAGE_SIZE = 20;
    private static final String PAGE = "/admin/index.xhtml";

    @Inject
    private HttpServletRequest request;

    @Inject
    private SessionIndex index;

    @Inject
    private SessionEnding ending;

    @Inject
    private GlobalSignOut globalSignOut;

    @Inject
    private SiteRedirects redirects;

    private List<SignedInUser> found;

    /** A user the search found: no session's detail, only how many and when last active. */
    public record UserRow(String username, String email, int sessions, String lastActive) {}

    public String getQuery() {
        String query = request.getParameter("q");
        return query == null ? "" : query.strip();
    }

    /** The page of results, from 1. */
    public int getPage() {
        try {
            return Math.max(1, Integer.parseInt(request.getParameter("page")));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    /** The user whose sessions are shown, if one was chosen. */
    public String getSelected() {
        String user = request.getParameter("user");
        return user == null || user.isBlank() ? null : user;
    }

    public List<UserRow> getUsers() {
        Instant now = Instant.now();
        return found().stream().skip((long) (getPage() - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                .map(user -> new UserRow(user.username(), user.email(), user.count(),
                        SessionRow.ago(user.lastActive(), now)))
                .toList();
    }

    public boolean hasNext() {
        return found().size() > getPage() * PAGE_SIZE;
    }

    public boolean hasPrevious() {
        return getPage() > 1;
    }

    /** This page's address with other parameters: for the links to a user, and to the next or previous page. */
    public String link(String user, int page) {
        return PAGE + "?q=" + encode(getQuery()) + "&page=" + page + (user == null ? "" : "&user=" + encode(user));
    }

    public List<SessionRow> getSelectedSessions() {
        Instant now = Instant.now();
        return getSelected() == null || !request.isUserInRole(ADMINS) ? List.of()
                : index.of(getSelected()).stream().map(session -> SessionRow.of(session, null, now)).toList();
    }

    /** What the last ending did, as the address after it says ({@code ended}, {@code cognito}). */
    public String getOutcome() {
        String ended = request.getParameter("ended");
        if (ended == null || !ended.matches("\\d{1,6}") || getSelected() == null) {
            return null;
        }
        String cognito = Arrays.stream(GlobalSignOut.Outcome.values())
                .filter(outcome -> outcome.name().equals(request.getParameter("cognito"))).findFirst()
                .map(GlobalSignOut.Outcome::description).orElse("unknown");
        return "Ended " + ended + ("1".equals(ended) ? " session" : " sessions") + " of " + getSelected()
                + ("no".equals(request.getParameter("revoked")) ? " (their refresh tokens could not be revoked,"
                        + " Amazon Cognito or the data grid did not answer: they expire unused)" : "")
                + ". Global sign-out: " + cognito + ".";
    }

    public boolean isGlobalSignOutOn() {
        return globalSignOut.enabled();
    }

    /** Ends every session of the chosen user, on every node, and asks Cognito to sign them out everywhere. */
    public void endAll() throws IOException {
        String user = getSelected();
        if (!request.isUserInRole(ADMINS)) {
            AuditLog.refusal(request, "admin:NOT_ADMIN", "an admin's ending of sessions by a caller outside " + ADMINS);
            return;
        }
        if (user == null) {
            return;
        }
        List<IndexedSession> sessions = index.of(user);
        GlobalSignOut.Outcome cognito = globalSignOut.signOut(user);
        SessionEnding.Ended ended = ending.end(request, request.getRemoteUser(), user, sessions,
                "all, by an admin; Cognito's global sign-out: " + cognito.name().toLowerCase());
        FacesContext.getCurrentInstance().getExternalContext().redirect(redirects.location(request,
                link(user, getPage()) + "&ended=" + ended.count() + "&cognito=" + cognito.name()
                        + (ended.refreshTokensRevoked() ? "" : "&revoked=no")));
    }

    private List<SignedInUser> found() {
        if (found == null) {
            found = request.isUserInRole(ADMINS) ? index.search(getQuery()) : List.of();
        }
        return found;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
