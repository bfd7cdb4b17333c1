package org.partnership.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contract's examples are valid events of their type, so consumers can trust them in their tests. */
class ContractExamplesTest {

    private static final Path CONTRACTS = Path.of("..", "contracts", "events");

    @TestFactory
    Stream<DynamicTest> shouldHaveValidExamplesForEveryEventType() throws IOException {
        List<String> types;
        try (Stream<Path> files = Files.list(CONTRACTS)) {
            types = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("partnership.") && n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
        }
        assertThat(types).hasSizeGreaterThan(20);
        return types.stream().map(type -> DynamicTest.dynamicTest(type, () -> {
            List<JsonNode> examples = EventContracts.dataExamples(type);
            assertThat(examples).as("examples of " + type).isNotEmpty();
            for (JsonNode example : examples) {
                EventContracts.assertValid(EventContracts.event(type, "/contract-test", UUID.randomUUID().toString(), example));
            }
        }));
    }

    @Test
    void shouldRejectAnEventWithoutAContract() {
        String event = EventContracts.event("partnership.unknown.happened.v1", "/contract-test", "x",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        assertThat(EventContracts.violations(event)).anyMatch(v -> v.contains("no contract"));
    }
}
