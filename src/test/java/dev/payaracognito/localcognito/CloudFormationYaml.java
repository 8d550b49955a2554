package dev.payaracognito.localcognito;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation template in YAML (or JSON, which is YAML), read into maps and lists. The short forms of the
 * intrinsic functions ({@code !Ref X}, {@code !Sub "…"}, {@code !GetAtt A.B}, …) become their long forms
 * ({@code {Ref: X}}, {@code {"Fn::Sub": "…"}}, {@code {"Fn::GetAtt": [A, B]}}), as CloudFormation reads them.
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "Equals", "FindInMap", "GetAtt",
            "GetAZs", "If", "ImportValue", "Join", "Not", "And", "Or", "Select", "Split", "Sub", "Transform");

    private CloudFormationYaml() {}

    static Map<String, Object> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object template = new Yaml(new IntrinsicFunctions(new LoaderOptions())).load(in);
            if (!(template instanceof Map<?, ?> map)) {
                throw new IOException(file + " is not a CloudFormation template (no mapping at its top)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (YAMLException e) {
            throw new IOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** SnakeYAML's safe constructor (no Java types), taught the intrinsic functions' tags. */
    private static final class IntrinsicFunctions extends SafeConstructor {

        IntrinsicFunctions(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
            }
        }

        /** {@code !Name value} as {@code {name: value}}; {@code !GetAtt A.B} as {@code {"Fn::GetAtt": [A, B]}}. */
        private final class LongForm extends AbstractConstruct {

            private final String name;

            LongForm(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new YAMLException("unexpected " + node.getNodeId() + " after !" + name);
                };
                if (name.equals("Fn::GetAtt") && value instanceof String dotted && dotted.contains(".")) {
                    int dot = dotted.indexOf('.');
                    value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                return Map.of(name, value);
            }
        }
    }
}
