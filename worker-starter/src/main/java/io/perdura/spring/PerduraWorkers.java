package io.perdura.spring;

import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import io.perdura.sdk.workflow.WorkflowInterface;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Registers every {@link WorkflowImpl} and {@link ActivityImpl} bean on a worker for its task
 * queue (their attributes may hold {@code ${…}} placeholders and {@code #{…}} expressions), starts
 * the workers once the context is up (after the web server, when there is one) and shuts them down
 * gracefully with it.
 */
public class PerduraWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PerduraWorkers.class);

    private final WorkerFactory factory;
    private final PerduraProperties.Worker settings;
    private final ConfigurableListableBeanFactory beanFactory;
    private final Environment environment;
    private final List<PerduraOptionsCustomizer<WorkerOptions.Builder>> optionsCustomizers;
    private final List<WorkerCustomizer> customizers;
    private final WorkflowImplementationOptions defaultImplementationOptions;
    private final List<WorkflowImplementationOptionsCustomizer> implementationOptionsCustomizers;
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final Map<String, WorkflowImplementationOptions> implementationOptions = new LinkedHashMap<>();
    private volatile boolean running;
    private Thread keepAlive;

    PerduraWorkers(
            WorkerFactory factory,
            PerduraProperties.Worker settings,
            ConfigurableListableBeanFactory beanFactory,
            Environment environment,
            List<PerduraOptionsCustomizer<WorkerOptions.Builder>> optionsCustomizers,
            List<WorkerCustomizer> customizers,
            WorkflowImplementationOptions defaultImplementationOptions,
            List<WorkflowImplementationOptionsCustomizer> implementationOptionsCustomizers) {
        this.factory = factory;
        this.settings = settings;
        this.beanFactory = beanFactory;
        this.environment = environment;
        this.optionsCustomizers = optionsCustomizers;
        this.customizers = customizers;
        this.defaultImplementationOptions = defaultImplementationOptions;
        this.implementationOptionsCustomizers = implementationOptionsCustomizers;
    }

    /** The implementation options each {@link WorkflowImpl} bean was registered with, by bean name. */
    Map<String, WorkflowImplementationOptions> implementationOptions() {
        return Map.copyOf(implementationOptions);
    }

    /** The task queues that have a worker, with what it serves. */
    public synchronized Map<String, Worker> workers() {
        return Map.copyOf(workers);
    }

    @Override
    public synchronized void start() {
        registerWorkflows();
        registerActivities();
        if (!workers.isEmpty()) {
            factory.start();
            keepAlive = keepJvmAlive();
            log.info("Perdura workers started for task queues {}", workers.keySet());
        }
        running = true;
    }

    /**
     * Pollers run on virtual threads, which never keep a JVM alive: an application whose only job
     * is to be a worker (no web server) would exit right after start-up without this thread.
     */
    private static Thread keepJvmAlive() {
        Thread thread = new Thread(
                () -> {
                    try {
                        new java.util.concurrent.CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "perdura-workers-keep-alive");
        thread.setDaemon(false);
        thread.start();
        return thread;
    }

    @Override
    public synchronized void stop() {
        if (!workers.isEmpty()) {
            factory.shutdown();
            factory.awaitTermination(settings.getShutdownTimeout());
            factory.shutdownNow();
        }
        if (keepAlive != null) {
            keepAlive.interrupt();
            keepAlive = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void registerWorkflows() {
        for (String name : beanFactory.getBeanNamesForAnnotation(WorkflowImpl.class)) {
            WorkflowImpl annotation = beanFactory.findAnnotationOnBean(name, WorkflowImpl.class);
            Class<?> type = ClassUtils.getUserClass(beanFactory.getType(name));
            String taskQueue = resolve(annotation.taskQueue(), "@WorkflowImpl", type, "taskQueue");
            boolean registered = false;
            WorkflowImplementationOptions options = implementationOptions(name, annotation, taskQueue, type);
            for (Class<?> iface : ClassUtils.getAllInterfacesForClassAsSet(type)) {
                if (iface.isAnnotationPresent(WorkflowInterface.class)) {
                    register(worker(taskQueue), iface, type, name, options);
                    registered = true;
                }
            }
            if (!registered) {
                throw new IllegalStateException(
                        "@WorkflowImpl " + type.getName() + " implements no @WorkflowInterface interface");
            }
        }
    }

    /** The named options bean, else the application's default one, then the customizers. */
    private WorkflowImplementationOptions implementationOptions(
            String beanName, WorkflowImpl annotation, String taskQueue, Class<?> type) {
        WorkflowImplementationOptions base = defaultImplementationOptions;
        String optionsBean =
                resolve(annotation.implementationOptions(), "@WorkflowImpl", type, "implementationOptions");
        if (!optionsBean.isEmpty()) {
            if (!beanFactory.containsBean(optionsBean)) {
                throw new IllegalStateException("@WorkflowImpl " + type.getName()
                        + " names WorkflowImplementationOptions bean '" + optionsBean + "', which does not exist");
            }
            base = beanFactory.getBean(optionsBean, WorkflowImplementationOptions.class);
        }
        WorkflowImplementationOptions.Builder options = WorkflowImplementationOptions.newBuilder(base);
        implementationOptionsCustomizers.forEach(customizer -> customizer.customize(taskQueue, type, options));
        WorkflowImplementationOptions built = options.build();
        implementationOptions.put(beanName, built);
        return built;
    }

    /** Registers the bean's workflow; the sandbox analyses its class now, so strict mode fails the startup. */
    private <T> void register(
            Worker worker, Class<T> iface, Class<?> type, String beanName, WorkflowImplementationOptions options) {
        worker.registerWorkflowImplementationFactory(
                iface, type.asSubclass(iface), () -> iface.cast(beanFactory.getBean(beanName)), options);
    }

    private void registerActivities() {
        for (String name : beanFactory.getBeanNamesForAnnotation(ActivityImpl.class)) {
            ActivityImpl annotation = beanFactory.findAnnotationOnBean(name, ActivityImpl.class);
            Class<?> type = ClassUtils.getUserClass(beanFactory.getType(name));
            String taskQueue = resolve(annotation.taskQueue(), "@ActivityImpl", type, "taskQueue");
            worker(taskQueue).registerActivitiesImplementations(beanFactory.getBean(name));
        }
    }

    /**
     * An annotation attribute with its {@code ${…}} placeholders replaced from the environment (an
     * unresolvable one without a default fails the start) and a {@code #{…}} expression evaluated.
     */
    private String resolve(String value, String annotation, Class<?> type, String attribute) {
        String resolved;
        try {
            resolved = environment.resolveRequiredPlaceholders(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    annotation + " " + type.getName() + ": cannot resolve " + attribute + " \"" + value + "\": "
                            + e.getMessage(),
                    e);
        }
        if (resolved.contains("#{") && beanFactory.getBeanExpressionResolver() != null) {
            Object evaluated = beanFactory
                    .getBeanExpressionResolver()
                    .evaluate(resolved, new BeanExpressionContext(beanFactory, null));
            resolved = evaluated == null ? "" : evaluated.toString();
        }
        return resolved;
    }

    private Worker worker(String taskQueue) {
        return workers.computeIfAbsent(taskQueue, queue -> {
            WorkerOptions.Builder options = WorkerOptions.builder()
                    .setWorkflowPollers(settings.getWorkflowPollers())
                    .setActivityPollers(settings.getActivityPollers())
                    .setMaxConcurrentWorkflowTasks(settings.getMaxConcurrentWorkflowTasks())
                    .setMaxConcurrentActivityExecutions(settings.getMaxConcurrentActivityExecutions())
                    .setWorkflowCacheSize(settings.getWorkflowCacheSize())
                    .setStickyQueueScheduleToStartTimeout(settings.getStickyQueueScheduleToStartTimeout())
                    .setDefaultHeartbeatThrottleInterval(settings.getDefaultHeartbeatThrottleInterval())
                    .setMaxHeartbeatThrottleInterval(settings.getMaxHeartbeatThrottleInterval())
                    .setSandboxMode(settings.getSandbox().getMode())
                    .setSandboxAllowed(settings.getSandbox().getAllowed())
                    .setDisableEagerExecution(settings.isDisableEagerExecution());
            for (PerduraOptionsCustomizer<WorkerOptions.Builder> customizer : optionsCustomizers) {
                options = customizer.customize(options);
            }
            WorkerOptions.Builder customized = options;
            customizers.forEach(customizer -> customizer.customize(queue, customized));
            return factory.newWorker(queue, customized.build());
        });
    }
}
