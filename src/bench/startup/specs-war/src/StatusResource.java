package specs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("status")
@ApplicationScoped
public class StatusResource {

    @GET
    public String status() {
        return "ok";
    }
}
