package io.perdura.samples.counter;

import io.perdura.samples.Samples;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;

/** Keeps a total that updates change and callers read back at once; finishes once every handler did. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class CounterWorkflow implements Counter {

    private int total;
    private boolean finished;

    @Override
    public int count() {
        Workflow.await(() -> finished && Workflow.isEveryHandlerFinished());
        return total;
    }

    @Override
    public int add(int k) {
        total += k;
        return total;
    }

    @Override
    public void validateAdd(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative: " + k);
        }
    }

    @Override
    public int value() {
        return total;
    }

    @Override
    public void finish() {
        finished = true;
    }
}
