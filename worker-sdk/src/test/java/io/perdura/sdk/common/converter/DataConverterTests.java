package io.perdura.sdk.common.converter;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.json.Json;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

class DataConverterTests {

    record Item(String sku, int quantity) {}

    interface Orders {
        Map<String, Integer> totals(List<Item> items, int discount, String note);
    }

    private final DataConverter converter = DataConverter.getDefaultInstance();

    @Test
    void argumentsAndResultsKeepTheirGenericTypes() throws Exception {
        Method method = Orders.class.getMethod("totals", List.class, int.class, String.class);

        Object[] args = converter.fromPayloads(
                Json.read("[[{\"sku\":\"a\",\"quantity\":2}]]", JsonNode.class),
                method.getParameterTypes(),
                method.getGenericParameterTypes());
        Object result = converter.fromPayload(
                Json.read("{\"a\":2}", JsonNode.class), method.getReturnType(), method.getGenericReturnType());

        assertThat(args[0]).isEqualTo(List.of(new Item("a", 2)));
        assertThat(args[1]).isEqualTo(0);
        assertThat(args[2]).isNull();
        assertThat(result).isEqualTo(Map.of("a", 2));
        assertThat(converter.toPayloads(new Item("b", 1), null))
                .isEqualTo(Json.read("[{\"sku\":\"b\",\"quantity\":1},null]", JsonNode.class));
    }

    @Test
    void nullsVoidAndJsonNodesNeverReachThePayloadConverter() {
        PayloadConverter failing = new PayloadConverter() {
            @Override
            public JsonNode toPayload(Object value) {
                throw new AssertionError("called with " + value);
            }

            @Override
            public <T> T fromPayload(JsonNode payload, Class<T> valueClass, java.lang.reflect.Type valueType) {
                throw new AssertionError("called with " + payload);
            }
        };
        DataConverter around = new DefaultDataConverter(failing);
        JsonNode node = StringNode.valueOf("as is");

        assertThat(around.toPayload(null).isNull()).isTrue();
        assertThat(around.toPayload(node)).isSameAs(node);
        assertThat(around.fromPayload(node, JsonNode.class)).isSameAs(node);
        assertThat(around.fromPayload(null, long.class)).isEqualTo(0L);
        assertThat(around.fromPayload(Json.mapper().nullNode(), String.class)).isNull();
        assertThat(around.fromPayload(node, void.class)).isNull();
    }

    @Test
    void aConverterOverAnotherMapperWritesWhatThatMapperWrites() {
        JsonMapper timestamps = JsonMapper.builder()
                .enable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        Instant instant = Instant.ofEpochSecond(1);

        assertThat(DefaultDataConverter.of(timestamps).toPayload(instant).isNumber())
                .isTrue();
        assertThat(converter.toPayload(instant).asString()).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(DefaultDataConverter.of(timestamps).fromPayload(Json.tree(1.0), Instant.class))
                .isEqualTo(instant);
    }
}
