package specs;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

@Named
@RequestScoped
public class Greeting {

    public String getText() {
        return "Hello";
    }
}
