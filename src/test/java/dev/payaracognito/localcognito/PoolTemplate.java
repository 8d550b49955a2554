package dev.payaracognito.localcognito;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user pool as a CloudFormation template declares it ({@code docker/cognito-pool.yaml}), so that the pool the
 * tests sign in to is the pool a team deploys: the stack's parameters checked as CloudFormation checks them, its
 * Cognito resources made into the local pool, its outputs (each one's {@code Description} names the app's setting
 * it is) evaluated. What CloudFormation generates (the pool id, client ids and secrets) is derived from the stack's
 * name and the resource's logical id, so a restart gives the same values. A template declares no passwords, so the
 * local pool gets the demo's users (alice, and bob in {@code admins} if the template has that group).
 */
public final class PoolTemplate {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]*)}");

    private final String stackName;
    private final String region;
    private final Map<String, Object> template;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private PoolTemplate(String stackName, String region, Map<String, Object> template, Map<String, String> given) {
        this.stackName = stackName;
        this.region = region;
        this.template = template;
        Map<String, Object> declared = section("Parameters");
        for (String name : given.keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("the template has no parameter " + name);
            }
        }
        declared.forEach((name, declaration) -> parameters.put(name, checked(name, map(declaration),
                given.get(name))));
    }

    /** The template in {@code file}, as a stack named {@code stackName} in {@code region} with these parameters. */
    public static PoolTemplate read(Path file, String stackName, String region, Map<String, String> parameters)
            throws IOException {
        return new PoolTemplate(stackName, region, CloudFormationYaml.read(file), parameters);
    }

    /** {@code Key=value,Key=value} as CloudFormation's parameter overrides. */
    public static Map<String, String> parameters(String overrides) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : overrides.split(",")) {
            if (!pair.isBlank()) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("a parameter is Key=value: " + pair);
                }
                parameters.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        return parameters;
    }

    /** The pool the template's resources make. */
    public UserPool pool() {
        String poolId = null;
        List<String> groups = new ArrayList<>();
        List<ResourceServer> servers = new ArrayList<>();
        List<AppClient> clients = new ArrayList<>();
        for (Map.Entry<String, Object> resource : section("Resources").entrySet()) {
            String logicalId = resource.getKey();
            Map<String, Object> properties = map(map(resource.getValue()).getOrDefault("Properties", Map.of()));
            switch (type(logicalId)) {
                case "AWS::Cognito::UserPool" -> {
                    if (poolId != null) {
                        throw new IllegalArgumentException("the local Cognito serves one user pool per template");
                    }
                    poolId = physicalId(logicalId);
                }
                case "AWS::Cognito::UserPoolGroup" -> groups.add(text(properties, "GroupName"));
                case "AWS::Cognito::UserPoolResourceServer" -> servers.add(new ResourceServer(
                        text(properties, "Identifier"), list(properties, "Scopes").stream()
                                .map(scope -> text(map(scope), "ScopeName")).collect(Collectors.toSet())));
                case "AWS::Cognito::UserPoolClient" -> clients.add(client(logicalId, properties));
                // the hosted UI is the local Cognito's own, at its own address
                default -> { }
            }
        }
        if (poolId == null) {
            throw new IllegalArgumentException("the template declares no AWS::Cognito::UserPool");
        }
        List<PoolUser> users = List.of(
                UserPool.demoUser(poolId, "alice", "Alice-Passw0rd!", "alice@example.com", List.of()),
                UserPool.demoUser(poolId, "bob", "Bob-Passw0rd!", "bob@example.com",
                        groups.contains("admins") ? List.of("admins") : List.of()));
        return UserPool.of(poolId, users, clients, servers);
    }

    /** The stack's outputs by their {@code Description}: the app's settings, by their environment names. */
    public Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        section("Outputs").forEach((name, output) -> outputs.put(text(map(output), "Description"),
                String.valueOf(evaluate(map(output).get("Value")))));
        return outputs;
    }

    private AppClient client(String logicalId, Map<String, Object> properties) {
        List<String> flows = strings(properties, "AllowedOAuthFlows");
        if (!flows.isEmpty() && !Boolean.TRUE.equals(evaluate(properties.get("AllowedOAuthFlowsUserPoolClient")))) {
            throw new IllegalArgumentException(logicalId + ": OAuth flows need AllowedOAuthFlowsUserPoolClient: true");
        }
        Map<String, Object> rotation = map(properties.getOrDefault("RefreshTokenRotation", Map.of()));
        RefreshTokenRotation rotates = "ENABLED".equals(evaluate(rotation.get("Feature")))
                ? RefreshTokenRotation.enabled(Duration.ofSeconds(Long.parseLong(String.valueOf(
                        evaluate(rotation.getOrDefault("RetryGracePeriodSeconds", 0))))))
                : RefreshTokenRotation.DISABLED;
        Set<OAuthFlow> oauthFlows = flows.stream().map(OAuthFlow::named).collect(Collectors.toSet());
        return new AppClient(physicalId(logicalId), Boolean.TRUE.equals(evaluate(properties.get("GenerateSecret")))
                ? attribute(logicalId, "ClientSecret") : null, strings(properties, "CallbackURLs"),
                strings(properties, "LogoutURLs"), Set.copyOf(strings(properties, "AllowedOAuthScopes")), false,
                oauthFlows, rotates);
    }

    /** A parameter's value: given, or its default; checked against its constraints as CloudFormation does. */
    private static String checked(String name, Map<String, Object> declaration, String given) {
        Object value = given != null ? given : declaration.get("Default");
        if (value == null) {
            throw new IllegalArgumentException("the parameter " + name + " needs a value (it has no default)");
        }
        String text = String.valueOf(value);
        Object pattern = declaration.get("AllowedPattern");
        Object allowed = declaration.get("AllowedValues");
        boolean fits = (pattern == null || Pattern.compile(String.valueOf(pattern)).matcher(text).matches())
                && (allowed == null || ((List<?>) allowed).stream().map(String::valueOf).toList().contains(text));
        if ("Number".equals(declaration.get("Type"))) {
            double number = Double.parseDouble(text);
            fits &= !(declaration.get("MinValue") instanceof Number min && number < min.doubleValue())
                    && !(declaration.get("MaxValue") instanceof Number max && number > max.doubleValue());
        }
        if (!fits) {
            throw new IllegalArgumentException("the parameter " + name + " does not allow " + text + ": "
                    + declaration.getOrDefault("ConstraintDescription", "see its constraints"));
        }
        return text;
    }

    /** The value of an intrinsic function ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt}) or a plain value. */
    private Object evaluate(Object value) {
        if (!(value instanceof Map<?, ?> function) || function.size() != 1) {
            return value;
        }
        Map.Entry<?, ?> call = function.entrySet().iterator().next();
        return switch (String.valueOf(call.getKey())) {
            case "Ref" -> reference(String.valueOf(call.getValue()));
            case "Fn::GetAtt" -> {
                List<?> target = (List<?>) call.getValue();
                yield attribute(String.valueOf(target.get(0)), String.valueOf(target.get(1)));
            }
            case "Fn::Sub" -> substitute(String.valueOf(call.getValue()));
            default -> throw new IllegalArgumentException("the local Cognito evaluates Ref, Fn::Sub and Fn::GetAtt,"
                    + " not " + call.getKey());
        };
    }

    private String reference(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::StackName" -> stackName;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::AccountId" -> "000000000000";
            default -> parameters.containsKey(name) ? parameters.get(name) : physicalId(name);
        };
    }

    /** {@code ${Name}}, {@code ${Resource.Attribute}}, and {@code ${!Literal}} for {@code ${Literal}}. */
    private String substitute(String text) {
        Matcher variables = SUBSTITUTION.matcher(text);
        StringBuilder result = new StringBuilder();
        while (variables.find()) {
            String variable = variables.group(1);
            int dot = variable.indexOf('.');
            String value = variable.startsWith("!") ? "${" + variable.substring(1) + "}"
                    : dot > 0 && !variable.startsWith("AWS::") ? attribute(variable.substring(0, dot),
                            variable.substring(dot + 1)) : reference(variable);
            variables.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return variables.appendTail(result).toString();
    }

    /** What Ref answers for a resource: the pool id, the client id, the group's or the server's name. */
    private String physicalId(String logicalId) {
        String type = type(logicalId);
        return switch (type) {
            case "AWS::Cognito::UserPool" -> region + "_" + generated(logicalId, 9, 62);
            // Cognito app client ids are 26 lowercase alphanumerics
            case "AWS::Cognito::UserPoolClient" -> generated(logicalId, 26, 36);
            case "AWS::Cognito::UserPoolGroup" -> text(properties(logicalId), "GroupName");
            case "AWS::Cognito::UserPoolResourceServer" -> text(properties(logicalId), "Identifier");
            case "AWS::Cognito::UserPoolDomain" -> text(properties(logicalId), "Domain");
            default -> throw new IllegalArgumentException("the local Cognito cannot make a " + type + " ("
                    + logicalId + ")");
        };
    }

    private String attribute(String logicalId, String attribute) {
        return switch (type(logicalId) + "." + attribute) {
            case "AWS::Cognito::UserPool.UserPoolId", "AWS::Cognito::UserPoolClient.ClientId" -> physicalId(logicalId);
            case "AWS::Cognito::UserPool.ProviderName" -> "cognito-idp." + region + ".amazonaws.com/"
                    + physicalId(logicalId);
            case "AWS::Cognito::UserPool.Arn" -> "arn:aws:cognito-idp:" + region + ":000000000000:userpool/"
                    + physicalId(logicalId);
            // Cognito client secrets are long base36 strings
            case "AWS::Cognito::UserPoolClient.ClientSecret" -> generated(logicalId + ".ClientSecret", 51, 36);
            default -> throw new IllegalArgumentException("the local Cognito has no " + attribute + " of "
                    + logicalId);
        };
    }

    /** {@code length} characters of base {@code radix} (lowercase letters, then capitals), from the stack's name. */
    private String generated(String seed, int length, int radix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((stackName + "/" + seed)
                    .getBytes(StandardCharsets.UTF_8));
            BigInteger number = new BigInteger(1, digest);
            String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".substring(0, radix);
            StringBuilder text = new StringBuilder();
            while (text.length() < length) {
                BigInteger[] division = number.divideAndRemainder(BigInteger.valueOf(radix));
                text.append(alphabet.charAt(division[1].intValue()));
                number = division[0].signum() == 0 ? new BigInteger(1, digest).add(BigInteger.ONE) : division[0];
            }
            return text.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private String type(String logicalId) {
        Object resource = section("Resources").get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("the template has no parameter or resource " + logicalId);
        }
        String type = text(map(resource), "Type");
        if (!type.startsWith("AWS::Cognito::")) {
            throw new IllegalArgumentException("the local Cognito makes Cognito resources only, not " + type);
        }
        return type;
    }

    private Map<String, Object> properties(String logicalId) {
        return map(map(section("Resources").get(logicalId)).getOrDefault("Properties", Map.of()));
    }

    private Map<String, Object> section(String name) {
        return map(template.getOrDefault(name, Map.of()));
    }

    private String text(Map<String, Object> map, String key) {
        Object value = evaluate(map.get(key));
        if (value == null) {
            throw new IllegalArgumentException("the template lacks " + key);
        }
        return String.valueOf(value);
    }

    private List<String> strings(Map<String, Object> map, String key) {
        return list(map, key).stream().map(this::evaluate).map(String::valueOf).toList();
    }

    private static List<?> list(Map<String, Object> map, String key) {
        return map.get(key) instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the template has " + value + " where a mapping belongs");
        }
        return (Map<String, Object>) map;
    }
}
