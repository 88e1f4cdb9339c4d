package io.perdura.sdk.internal.client;

import io.perdura.sdk.common.interceptors.WorkflowClientCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowClientInterceptor;
import java.util.List;

/** A workflow stub's calls through the client's interceptors (the first outermost) down to the stub's own. */
final class ClientCalls {

    private ClientCalls() {}

    static WorkflowClientCallsInterceptor chain(
            List<WorkflowClientInterceptor> interceptors, WorkflowClientCallsInterceptor root) {
        WorkflowClientCallsInterceptor chain = root;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            chain = interceptors.get(i).workflowClientCallsInterceptor(chain);
        }
        return chain;
    }

    /** Makes the calls of one {@link DefaultWorkflowStub} over HTTP. */
    record Root(DefaultWorkflowStub stub) implements WorkflowClientCallsInterceptor {
        @Override
        public WorkflowStartOutput start(WorkflowStartInput input) {
            return new WorkflowStartOutput(stub.doStart(input));
        }

        @Override
        public WorkflowStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
            return new WorkflowStartOutput(stub.doSignalWithStart(input));
        }

        @Override
        public void signal(WorkflowSignalInput input) {
            stub.doSignal(input.signalName(), input.arguments(), input.header());
        }

        @Override
        public QueryOutput query(QueryInput input) {
            return new QueryOutput(
                    stub.doQuery(input.queryType(), input.resultClass(), input.resultType(), input.arguments()));
        }

        @Override
        public GetResultOutput getResult(GetResultInput input) {
            return new GetResultOutput(stub.doGetResult(input.timeout(), input.resultClass(), input.resultType()));
        }
    }
}
