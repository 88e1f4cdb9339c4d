package io.perdura.sdk.internal.worker;

import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.interceptors.ActivityInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.internal.common.HeaderCodec;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Runs one activity attempt through the worker's interceptors (the first outermost) down to the
 * activity method (ADR 26), its arguments read by the worker's converter. What the method throws reaches the caller unchanged.
 */
final class ActivityInvoker {

    private ActivityInvoker() {}

    static Object invoke(
            List<WorkerInterceptor> interceptors,
            ActivityRegistry.ActivityImplementation impl,
            ActivityExecutionContext context,
            JsonNode input,
            JsonNode header,
            DataConverter converter)
            throws Throwable {
        Object[] args = impl.arguments(input, converter);
        if (interceptors.isEmpty()) {
            return impl.call(args);
        }
        ActivityInboundCallsInterceptor chain = new Root(impl);
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            chain = interceptors.get(i).interceptActivity(chain);
        }
        chain.init(context);
        return chain.execute(new ActivityInboundCallsInterceptor.ActivityInput(HeaderCodec.fromJson(header), args))
                .result();
    }

    /** Calls the activity method. */
    private record Root(ActivityRegistry.ActivityImplementation impl) implements ActivityInboundCallsInterceptor {
        @Override
        public void init(ActivityExecutionContext context) {}

        @Override
        public ActivityOutput execute(ActivityInput input) {
            try {
                return new ActivityOutput(impl.call(input.arguments()));
            } catch (Throwable t) {
                throw Root.<RuntimeException>sneaky(t);
            }
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> T sneaky(Throwable t) throws T {
            throw (T) t;
        }
    }
}
