package io.perdura.sdk.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.RetryState;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConverterTests {

    record Item(String sku, int quantity) {}

    interface Orders {
        Map<String, Integer> totals(List<Item> items, int discount, String note);
    }

    @Test
    void argumentsAndResultsKeepTheirGenericTypes() throws Exception {
        Method method = Orders.class.getMethod("totals", List.class, int.class, String.class);

        Object[] args = DataConverter.fromPayloads(
                Json.read("[[{\"sku\":\"a\",\"quantity\":2}]]", tools.jackson.databind.JsonNode.class), method);
        Object result = DataConverter.fromPayload(
                Json.read("{\"a\":2}", tools.jackson.databind.JsonNode.class),
                method.getReturnType(),
                method.getGenericReturnType());

        assertThat(args[0]).isEqualTo(List.of(new Item("a", 2)));
        assertThat(args[1]).isEqualTo(0);
        assertThat(args[2]).isNull();
        assertThat(result).isEqualTo(Map.of("a", 2));
        assertThat(DataConverter.toPayloads(new Object[] {new Item("b", 1), null}))
                .isEqualTo(Json.read("[{\"sku\":\"b\",\"quantity\":1},null]", tools.jackson.databind.JsonNode.class));
    }

    @Test
    void failureChainsRoundTrip() {
        ActivityFailure original = new ActivityFailure(
                "Charge",
                "3",
                7,
                8,
                RetryState.MAXIMUM_ATTEMPTS_REACHED,
                ApplicationFailure.newFailureWithCause(
                        "declined", "CardDeclined", new IllegalStateException("gateway said no"), "card-1"));

        Failure failure = FailureConverter.toFailure(original);
        RuntimeException back = FailureConverter.toException(failure);

        assertThat(failure.kind()).isEqualTo(FailureKind.ACTIVITY);
        assertThat(failure.cause().type()).isEqualTo("CardDeclined");
        assertThat(failure.cause().cause().type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(back).isInstanceOfSatisfying(ActivityFailure.class, a -> {
            assertThat(a.getActivityId()).isEqualTo("3");
            assertThat(a.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, app -> {
                assertThat(app.getType()).isEqualTo("CardDeclined");
                assertThat(app.getDetail(0, String.class)).isEqualTo("card-1");
                assertThat(app.getCause())
                        .isInstanceOfSatisfying(
                                ApplicationFailure.class,
                                inner -> assertThat(inner.getType()).isEqualTo(IllegalStateException.class.getName()));
            });
        });
    }
}
