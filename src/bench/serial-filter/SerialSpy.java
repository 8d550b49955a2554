import java.io.FileWriter;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

/**
 * A JEP 290 filter factory that records every class Java deserialization makes in its JVM, and whether the JVM's
 * own filter (payara-config/serial-filter.properties) refused it, into {serialspy.dir}/{pid}.txt every two seconds.
 * It decides nothing itself. Used by record.sh, which puts it on the boot class path of every JVM of a test run.
 */
public class SerialSpy implements BinaryOperator<ObjectInputFilter> {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    static {
        Thread writer = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                write();
            }
        });
        writer.setDaemon(true);
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SerialSpy::write));
    }

    private static synchronized void write() {
        String file = System.getProperty("serialspy.dir") + "/" + ProcessHandle.current().pid() + ".txt";
        try (PrintWriter out = new PrintWriter(new FileWriter(file))) {
            new TreeMap<>(SEEN).forEach((name, status) -> out.println(name + " " + status));
        } catch (IOException e) {
            // a run without its record; nothing else to do
        }
    }

    @Override
    public ObjectInputFilter apply(ObjectInputFilter current, ObjectInputFilter next) {
        ObjectInputFilter decides = next != null ? next : current;
        return info -> {
            ObjectInputFilter.Status status = decides == null ? ObjectInputFilter.Status.UNDECIDED
                    : decides.checkInput(info);
            if (info.serialClass() != null) {
                SEEN.merge(info.serialClass().getName(), status.name(),
                        (old, now) -> old.equals("REJECTED") ? old : now);
            }
            return status;
        };
    }
}
