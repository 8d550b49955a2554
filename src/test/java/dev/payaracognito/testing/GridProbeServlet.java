package dev.payaracognito.testing;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.LocalMapStats;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Test and benchmark deployments only (never in the WAR the build packages): what this node holds of the data
 * grid's maps, one line per map ({@code name entries bytes}), as Hazelcast counts it. The web sessions' map is the
 * one whose entries are the sessions.
 */
@WebServlet("/test/grid")
public class GridProbeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        try {
            HazelcastInstance grid = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
            PrintWriter out = response.getWriter();
            for (DistributedObject object : grid.getDistributedObjects()) {
                if (object instanceof IMap<?, ?> map) {
                    LocalMapStats stats = map.getLocalMapStats();
                    out.printf("%s %d %d%n", map.getName(), stats.getOwnedEntryCount(), stats.getOwnedEntryMemoryCost());
                }
            }
        } catch (NamingException e) {
            response.sendError(503, "no data grid");
        }
    }
}
