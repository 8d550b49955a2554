package dev.payaracognito.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a request comes from, as the audit log says it: the address that connected, unless that is one of the
 * proxies the operator trusts ({@code APP_TRUSTED_PROXIES}: addresses or CIDR blocks), whose {@code X-Forwarded-For}
 * then names the client: the first address from the right that is not itself a trusted proxy. Anyone can send
 * {@code X-Forwarded-For}; only a trusted proxy's is believed, and only an address literal is taken from it.
 */
public final class ClientAddress {

    /**
     * Address literals only (IPv4 dotted, or IPv6 with its colons): a name would be looked up, and a header's text is
     * not an address.
     */
    private static final Pattern LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

    private final List<Block> trusted;

    private ClientAddress(List<Block> trusted) {
        this.trusted = trusted;
    }

    /** No proxy is trusted: the connecting address is the client's. */
    public static final ClientAddress DIRECT = new ClientAddress(List.of());

    /**
     * The proxies of {@code setting} (comma-separated addresses or CIDR blocks, IPv4 or IPv6);
     * {@link IllegalArgumentException} naming what is wrong.
     */
    public static ClientAddress trusting(String setting) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : setting.split(",")) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.strip()));
            }
        }
        return new ClientAddress(List.copyOf(blocks));
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
    }

    String of(String remote, java.util.Enumeration<String> forwardedHeaders) {
        if (trusted.isEmpty() || !isTrusted(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : java.util.Collections.list(forwardedHeaders)) {
            Arrays.stream(header.split(",")).map(String::strip).forEach(hops::add);
        }
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (parse(hop) == null) {
                break; // not an address: what the proxies before it said cannot be believed
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = parse(address);
        return bytes != null && trusted.stream().anyMatch(block -> block.contains(bytes));
    }

    private static byte[] parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    /** An address block: its first bytes, and how many of its bits count. */
    private record Block(byte[] network, int bits) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] address = ClientAddress.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            int bits;
            try {
                bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException | NullPointerException wrong) {
                bits = -1;
            }
            if (address == null || bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("APP_TRUSTED_PROXIES (app.trusted-proxies) must be addresses or"
                        + " CIDR blocks, comma-separated (e.g. 10.0.0.0/8,192.168.1.10).");
            }
            return new Block(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
