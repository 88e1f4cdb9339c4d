package io.perdura.sdk.internal.replay;

import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.ChildWorkflowStub;
import io.perdura.sdk.workflow.ExternalWorkflowStub;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.WorkflowInterface;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/** Makes the stubs of child and external workflows ({@link io.perdura.sdk.workflow.Workflow}'s factories). */
public final class WorkflowStubs {

    private WorkflowStubs() {}

    /** A typed stub of a child of the workflow type of {@code iface}. */
    public static <T> T newChildWorkflowStub(Class<T> iface, ChildWorkflowOptions options) {
        requireWorkflowInterface(iface);
        DefaultChildWorkflowStub stub = new DefaultChildWorkflowStub(WorkflowDefinition.workflowType(iface), options);
        return proxy(iface, new ChildWorkflowStubHandler(iface, stub));
    }

    public static ChildWorkflowStub newUntypedChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
        WorkflowInternal.current();
        return new DefaultChildWorkflowStub(workflowType, options);
    }

    /** A typed stub of the workflow {@code execution} (a null run id: its current run). */
    public static <T> T newExternalWorkflowStub(Class<T> iface, WorkflowExecution execution) {
        requireWorkflowInterface(iface);
        WorkflowInternal.current();
        return proxy(iface, new ExternalWorkflowStubHandler(iface, new DefaultExternalWorkflowStub(execution)));
    }

    public static ExternalWorkflowStub newUntypedExternalWorkflowStub(WorkflowExecution execution) {
        WorkflowInternal.current();
        return new DefaultExternalWorkflowStub(execution);
    }

    /** The execution of the child (once started) or external workflow a stub stands for. */
    public static Promise<WorkflowExecution> getWorkflowExecution(Object stub) {
        if (stub instanceof ChildWorkflowStub child) {
            return child.getExecution();
        }
        if (stub instanceof ExternalWorkflowStub external) {
            return Promises.completed(external.getExecution());
        }
        InvocationHandler handler = handlerOf(stub);
        if (handler instanceof ChildWorkflowStubHandler child) {
            return child.untyped().getExecution();
        }
        if (handler instanceof ExternalWorkflowStubHandler external) {
            return Promises.completed(external.untyped().getExecution());
        }
        throw notAStub(stub);
    }

    public static ChildWorkflowStub childFromTyped(Object typed) {
        if (handlerOf(typed) instanceof ChildWorkflowStubHandler child) {
            return child.untyped();
        }
        throw notAStub(typed);
    }

    public static ExternalWorkflowStub externalFromTyped(Object typed) {
        if (handlerOf(typed) instanceof ExternalWorkflowStubHandler external) {
            return external.untyped();
        }
        throw notAStub(typed);
    }

    private static InvocationHandler handlerOf(Object stub) {
        return stub != null && Proxy.isProxyClass(stub.getClass()) ? Proxy.getInvocationHandler(stub) : null;
    }

    private static IllegalArgumentException notAStub(Object stub) {
        return new IllegalArgumentException(
                stub + " is not a stub made by Workflow.newChildWorkflowStub or Workflow.newExternalWorkflowStub");
    }

    private static void requireWorkflowInterface(Class<?> iface) {
        if (!iface.isInterface() || !iface.isAnnotationPresent(WorkflowInterface.class)) {
            throw new IllegalArgumentException(iface.getName() + " is not annotated with @WorkflowInterface");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> iface, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler);
    }
}
