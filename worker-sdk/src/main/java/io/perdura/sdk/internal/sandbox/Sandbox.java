package io.perdura.sdk.internal.sandbox;

import io.perdura.sdk.worker.NonDeterministicWorkflowException;
import io.perdura.sdk.worker.SandboxFinding;
import io.perdura.sdk.worker.SandboxMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deterministic sandbox of one worker: checks each workflow implementation class at registration
 * ({@link SandboxMode#STRICT} refuses one with findings, {@link SandboxMode#WARN} logs them once) and gives
 * the runtime guard's window to the runs it executes. The analysis of a class is done once per JVM and
 * allow-list and kept.
 */
public final class Sandbox {

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
    /** How long a coroutine may sit blocked outside the SDK before the guard fails its task. */
    public static final Duration GUARD_WINDOW = Duration.ofMillis(200);

    private record Key(Class<?> type, AllowList allowList) {}

    private static final Map<Key, List<SandboxFinding>> ANALYSED = new ConcurrentHashMap<>();
    private static final Set<Key> WARNED = ConcurrentHashMap.newKeySet();

    private final SandboxMode mode;
    private final AllowList allowList;

    public Sandbox(SandboxMode mode, List<String> allowed) {
        this.mode = mode;
        this.allowList = new AllowList(allowed);
    }

    public SandboxMode mode() {
        return mode;
    }

    /** The runtime guard's window, or null when the sandbox is off. */
    public Duration guardWindow() {
        return mode == SandboxMode.OFF ? null : GUARD_WINDOW;
    }

    /**
     * Checks workflow implementation {@code type}.
     *
     * @throws NonDeterministicWorkflowException in strict mode, when the analysis found anything
     */
    public void check(Class<?> type) {
        if (mode == SandboxMode.OFF) {
            return;
        }
        Key key = new Key(type, allowList);
        List<SandboxFinding> findings = ANALYSED.computeIfAbsent(key, k -> analyse(type));
        if (findings.isEmpty()) {
            return;
        }
        if (mode == SandboxMode.STRICT) {
            throw new NonDeterministicWorkflowException(type.getName(), findings);
        }
        if (WARNED.add(key)) {
            log.warn(new NonDeterministicWorkflowException(type.getName(), findings).getMessage());
        }
    }

    /**
     * {@code factory} checking the class of the first instance it makes (a workflow registered by factory
     * names no class); in strict mode every instance of a class with findings fails, so its tasks fail.
     */
    public <T> Supplier<T> checking(Supplier<T> factory) {
        if (mode == SandboxMode.OFF) {
            return factory;
        }
        return () -> {
            T instance = factory.get();
            if (instance != null) {
                check(instance.getClass());
            }
            return instance;
        };
    }

    /** Analyses {@code type} now, whatever the mode: the findings (a tool and test hook). */
    public List<SandboxFinding> analyse(Class<?> type) {
        long start = System.nanoTime();
        BytecodeAnalyzer.Result result = BytecodeAnalyzer.analyse(type, allowList);
        if (log.isDebugEnabled()) {
            log.debug(
                    "sandbox: {} read {} methods in {} us, {} findings",
                    type.getName(),
                    result.methodsRead(),
                    (System.nanoTime() - start) / 1000,
                    result.findings().size());
        }
        return result.findings();
    }
}
