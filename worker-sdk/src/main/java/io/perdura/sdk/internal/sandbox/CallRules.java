package io.perdura.sdk.internal.sandbox;

import io.perdura.sdk.worker.SandboxFinding.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls that break deterministic replay, by owner class (internal name), method name and descriptor,
 * each with the deterministic replacement to suggest. Calls on objects of other classes, and every call
 * into the SDK, are fine.
 */
final class CallRules {

    /**
     * One rule: {@code owner} ending in "/" matches a package and those below it, null every owner; {@code
     * name} "*" matches every method, "x*" and "*x" a prefix and a suffix; {@code desc} null every descriptor.
     */
    record Rule(Kind kind, String owner, String name, String desc, String replacement) {
        boolean matches(String owner, String name, String desc) {
            boolean ownerMatches = this.owner == null
                    || this.owner.equals(owner)
                    || this.owner.endsWith("/") && owner.startsWith(this.owner);
            return ownerMatches && nameMatches(name) && (this.desc == null || this.desc.equals(desc));
        }

        private boolean nameMatches(String name) {
            if (this.name.equals("*") || this.name.equals(name)) {
                return true;
            }
            if (this.name.startsWith("*")) {
                return name.endsWith(this.name.substring(1));
            }
            return this.name.endsWith("*") && name.startsWith(this.name.substring(0, this.name.length() - 1));
        }
    }

    static final String TIME =
            "Workflow.currentTimeMillis() (Instant.ofEpochMilli(Workflow.currentTimeMillis()) for a date)";
    static final String RANDOM = "Workflow.newRandom() (seeded from the run, the same on replay)";
    static final String ASYNC = "Async.function/Async.procedure and Promise (workflow coroutines)";
    static final String AWAIT = "Workflow.await(condition) (or a CompletablePromise from Workflow.newPromise())";
    static final String ACTIVITY = "an activity (Workflow.newActivityStub), whose result history records";
    static final String ENV = "workflow input, an activity, or Workflow.sideEffect(type, supplier)";

    private static final String[] NOW_CLASSES = {
        "Instant",
        "LocalDateTime",
        "ZonedDateTime",
        "LocalDate",
        "LocalTime",
        "OffsetDateTime",
        "OffsetTime",
        "Year",
        "YearMonth",
        "MonthDay"
    };

    private final Map<String, List<Rule>> byOwner = new HashMap<>();
    private final List<Rule> byPrefix = new ArrayList<>();
    private final List<Rule> anyOwner = new ArrayList<>();

    static final CallRules DEFAULT = new CallRules();

    private CallRules() {
        // wall clock
        add(Kind.WALL_CLOCK, "java/lang/System", "currentTimeMillis", null, "Workflow.currentTimeMillis()");
        add(Kind.WALL_CLOCK, "java/lang/System", "nanoTime", null, "Workflow.currentTimeMillis()");
        for (String c : NOW_CLASSES) {
            add(Kind.WALL_CLOCK, "java/time/" + c, "now", "()Ljava/time/" + c + ";", TIME);
            add(Kind.WALL_CLOCK, "java/time/" + c, "now", "(Ljava/time/ZoneId;)Ljava/time/" + c + ";", TIME);
        }
        add(Kind.WALL_CLOCK, "java/time/Clock", "system*", null, TIME);
        add(Kind.WALL_CLOCK, "java/time/Clock", "tick*", null, TIME);
        add(Kind.WALL_CLOCK, "java/time/InstantSource", "system", null, TIME);
        add(Kind.WALL_CLOCK, "java/util/Date", "<init>", "()V", "new Date(Workflow.currentTimeMillis())");
        add(Kind.WALL_CLOCK, "java/util/Calendar", "getInstance", null, TIME);
        add(Kind.WALL_CLOCK, "java/util/GregorianCalendar", "<init>", "()V", TIME);
        // randomness
        add(Kind.RANDOMNESS, "java/lang/Math", "random", null, "Workflow.newRandom().nextDouble()");
        add(Kind.RANDOMNESS, "java/lang/StrictMath", "random", null, "Workflow.newRandom().nextDouble()");
        add(Kind.RANDOMNESS, "java/util/Random", "<init>", "()V", RANDOM);
        add(Kind.RANDOMNESS, "java/util/SplittableRandom", "<init>", "()V", RANDOM);
        add(Kind.RANDOMNESS, "java/util/UUID", "randomUUID", null, "Workflow.randomUUID()");
        add(Kind.RANDOMNESS, "java/security/SecureRandom", "*", null, RANDOM + ", or an activity for secrets");
        add(Kind.RANDOMNESS, "java/util/concurrent/ThreadLocalRandom", "*", null, RANDOM);
        add(Kind.RANDOMNESS, "java/util/random/RandomGenerator", "getDefault", null, RANDOM);
        add(Kind.RANDOMNESS, "java/util/random/RandomGenerator", "of", null, RANDOM);
        add(
                Kind.RANDOMNESS,
                "java/util/Collections",
                "shuffle",
                "(Ljava/util/List;)V",
                "Collections.shuffle(list, Workflow.newRandom())");
        // threads
        add(Kind.THREADS, "java/lang/Thread", "<init>", null, ASYNC);
        add(Kind.THREADS, "java/lang/Thread", "start", null, ASYNC);
        add(Kind.THREADS, "java/lang/Thread", "startVirtualThread", null, ASYNC);
        add(Kind.THREADS, "java/lang/Thread", "ofVirtual", null, ASYNC);
        add(Kind.THREADS, "java/lang/Thread", "ofPlatform", null, ASYNC);
        add(Kind.THREADS, "java/lang/Thread$Builder", "*", null, ASYNC);
        add(Kind.THREADS, "java/lang/Thread$Builder$OfVirtual", "*", null, ASYNC);
        add(Kind.THREADS, "java/lang/Thread$Builder$OfPlatform", "*", null, ASYNC);
        add(Kind.THREADS, "java/util/concurrent/ThreadFactory", "*", null, ASYNC);
        add(Kind.THREADS, "java/util/concurrent/Executors", "*", null, ASYNC);
        for (String c : new String[] {
            "Executor",
            "ExecutorService",
            "ScheduledExecutorService",
            "AbstractExecutorService",
            "ThreadPoolExecutor",
            "ScheduledThreadPoolExecutor",
            "ForkJoinPool",
            "CompletionService",
            "ExecutorCompletionService"
        }) {
            add(Kind.THREADS, "java/util/concurrent/" + c, "*", null, ASYNC);
        }
        add(Kind.THREADS, "java/util/concurrent/CompletableFuture", "*Async", null, ASYNC);
        add(Kind.THREADS, "java/util/concurrent/ForkJoinTask", "fork", null, ASYNC);
        add(Kind.THREADS, "java/util/Timer", "*", null, "Workflow.newTimer(duration) or Workflow.sleep(duration)");
        add(Kind.THREADS, "java/util/stream/BaseStream", "parallel", null, "a sequential stream");
        add(Kind.THREADS, "java/util/stream/Stream", "parallel", null, "a sequential stream");
        add(Kind.THREADS, "java/util/stream/IntStream", "parallel", null, "a sequential stream");
        add(Kind.THREADS, "java/util/stream/LongStream", "parallel", null, "a sequential stream");
        // blocking
        add(Kind.BLOCKING, "java/lang/Thread", "sleep", null, "Workflow.sleep(duration)");
        add(Kind.BLOCKING, "java/lang/Thread", "join", null, "Promise.get() on a Promise from Async");
        add(Kind.BLOCKING, "java/util/concurrent/TimeUnit", "sleep", null, "Workflow.sleep(duration)");
        add(Kind.BLOCKING, "java/util/concurrent/locks/", "*", null, AWAIT);
        for (String c : new String[] {"Future", "CompletableFuture", "FutureTask", "ForkJoinTask"}) {
            add(Kind.BLOCKING, "java/util/concurrent/" + c, "get", null, "Promise.get() on a Promise from Async");
            add(Kind.BLOCKING, "java/util/concurrent/" + c, "join", null, "Promise.get() on a Promise from Async");
        }
        for (String c : new String[] {"CountDownLatch", "CyclicBarrier", "Semaphore", "Phaser", "Exchanger"}) {
            add(Kind.BLOCKING, "java/util/concurrent/" + c, "*", null, AWAIT);
        }
        for (String c : new String[] {
            "BlockingQueue", "LinkedBlockingQueue", "ArrayBlockingQueue", "SynchronousQueue", "LinkedBlockingDeque",
            "BlockingDeque", "PriorityBlockingQueue", "DelayQueue", "LinkedTransferQueue", "TransferQueue"
        }) {
            add(Kind.BLOCKING, "java/util/concurrent/" + c, "take", null, AWAIT);
            add(Kind.BLOCKING, "java/util/concurrent/" + c, "put", null, AWAIT);
        }
        // synchronization on monitors (owner-independent: wait/notify are final in Object)
        for (String desc : new String[] {"()V", "(J)V", "(JI)V"}) {
            anyOwner.add(new Rule(Kind.SYNCHRONIZATION, null, "wait", desc, AWAIT));
        }
        anyOwner.add(
                new Rule(Kind.THREADS, null, "parallelStream", "()Ljava/util/stream/Stream;", "stream() (sequential)"));
        anyOwner.add(new Rule(
                Kind.SYNCHRONIZATION,
                null,
                "notify",
                "()V",
                "nothing: Workflow.await(condition) re-checks its condition itself"));
        anyOwner.add(new Rule(
                Kind.SYNCHRONIZATION,
                null,
                "notifyAll",
                "()V",
                "nothing: Workflow.await(condition) re-checks its condition itself"));
        // I/O
        for (String c : new String[] {
            "File",
            "FileInputStream",
            "FileOutputStream",
            "FileReader",
            "FileWriter",
            "RandomAccessFile",
            "PrintWriter",
            "Console"
        }) {
            add(
                    Kind.IO,
                    "java/io/" + c,
                    c.equals("PrintWriter") ? "<init>" : "*",
                    c.equals("PrintWriter") ? "(Ljava/lang/String;)V" : null,
                    ACTIVITY);
        }
        add(Kind.IO, "java/nio/file/Files", "*", null, ACTIVITY);
        add(Kind.IO, "java/nio/file/FileSystems", "*", null, ACTIVITY);
        add(Kind.IO, "java/nio/channels/", "*", null, ACTIVITY);
        for (String c : new String[] {
            "Socket", "ServerSocket", "DatagramSocket", "MulticastSocket", "URLConnection", "HttpURLConnection"
        }) {
            add(Kind.IO, "java/net/" + c, "*", null, ACTIVITY);
        }
        add(Kind.IO, "java/net/URL", "openConnection", null, ACTIVITY);
        add(Kind.IO, "java/net/URL", "openStream", null, ACTIVITY);
        add(Kind.IO, "java/net/URL", "getContent", null, ACTIVITY);
        add(Kind.IO, "java/net/InetAddress", "get*", null, ACTIVITY);
        add(Kind.IO, "java/net/http/", "*", null, ACTIVITY);
        add(Kind.IO, "java/sql/", "*", null, ACTIVITY);
        add(Kind.IO, "javax/sql/", "*", null, ACTIVITY);
        // environment
        add(Kind.ENVIRONMENT, "java/lang/System", "getenv", null, ENV);
        add(Kind.ENVIRONMENT, "java/lang/System", "getProperty", null, ENV);
        add(Kind.ENVIRONMENT, "java/lang/System", "getProperties", null, ENV);
        add(Kind.ENVIRONMENT, "java/lang/Integer", "getInteger", null, ENV);
        add(Kind.ENVIRONMENT, "java/lang/Long", "getLong", null, ENV);
        add(Kind.ENVIRONMENT, "java/lang/Boolean", "getBoolean", null, ENV);
        add(Kind.ENVIRONMENT, "java/lang/Runtime", "*", null, ENV);
        add(
                Kind.ENVIRONMENT,
                "java/util/TimeZone",
                "getDefault",
                null,
                "an explicit zone (ZoneOffset.UTC, ZoneId.of(…)) or " + ENV);
        add(
                Kind.ENVIRONMENT,
                "java/time/ZoneId",
                "systemDefault",
                null,
                "an explicit zone (ZoneOffset.UTC, ZoneId.of(…)) or " + ENV);
        add(Kind.ENVIRONMENT, "java/util/Locale", "getDefault", null, "an explicit Locale (Locale.ROOT …) or " + ENV);
    }

    private void add(Kind kind, String owner, String name, String desc, String replacement) {
        Rule rule = new Rule(kind, owner, name, desc, replacement);
        if (owner.endsWith("/")) {
            byPrefix.add(rule);
        } else {
            byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(rule);
        }
    }

    /** The first rule that flags calling {@code owner.name desc}, or null. */
    Rule match(String owner, String name, String desc) {
        for (Rule rule : byOwner.getOrDefault(owner, List.of())) {
            if (rule.matches(owner, name, desc)) {
                return rule;
            }
        }
        for (Rule rule : byPrefix) {
            if (rule.matches(owner, name, desc)) {
                return rule;
            }
        }
        for (Rule rule : anyOwner) {
            if (rule.matches(owner, name, desc)) {
                return rule;
            }
        }
        return null;
    }
}
