package io.perdura.sdk.internal.sandbox;

import static io.perdura.sdk.worker.SandboxFinding.Kind.BLOCKING;
import static io.perdura.sdk.worker.SandboxFinding.Kind.ENVIRONMENT;
import static io.perdura.sdk.worker.SandboxFinding.Kind.HASH_ITERATION;
import static io.perdura.sdk.worker.SandboxFinding.Kind.IO;
import static io.perdura.sdk.worker.SandboxFinding.Kind.RANDOMNESS;
import static io.perdura.sdk.worker.SandboxFinding.Kind.STATIC_STATE;
import static io.perdura.sdk.worker.SandboxFinding.Kind.SYNCHRONIZATION;
import static io.perdura.sdk.worker.SandboxFinding.Kind.THREADS;
import static io.perdura.sdk.worker.SandboxFinding.Kind.WALL_CLOCK;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.io.FileInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The catalogue of non-deterministic workflow code: each snippet holds one call the sandbox must report. */
final class NonDeterministicSnippets {

    private NonDeterministicSnippets() {}

    @WorkflowInterface
    public interface Snippet {
        @WorkflowMethod
        String run() throws Exception;
    }

    @Expect(
            kind = WALL_CLOCK,
            call = "java.lang.System.currentTimeMillis()",
            replacement = "Workflow.currentTimeMillis()")
    public static class CurrentTimeMillis implements Snippet {
        public String run() {
            return "at " + System.currentTimeMillis(); // flagged: CurrentTimeMillis
        }
    }

    @Expect(kind = WALL_CLOCK, call = "java.lang.System.nanoTime()", replacement = "Workflow.currentTimeMillis()")
    public static class NanoTime implements Snippet {
        public String run() {
            return "at " + System.nanoTime(); // flagged: NanoTime
        }
    }

    @Expect(kind = WALL_CLOCK, call = "java.time.Instant.now()", replacement = "Workflow.currentTimeMillis()")
    public static class InstantNow implements Snippet {
        public String run() {
            return Instant.now().toString(); // flagged: InstantNow
        }
    }

    @Expect(kind = WALL_CLOCK, call = "java.time.LocalDateTime.now()", replacement = "Workflow.currentTimeMillis()")
    public static class LocalDateTimeNow implements Snippet {
        public String run() {
            return LocalDateTime.now().toString(); // flagged: LocalDateTimeNow
        }
    }

    @Expect(
            kind = WALL_CLOCK,
            call = "java.time.ZonedDateTime.now(ZoneId)",
            replacement = "Workflow.currentTimeMillis()")
    public static class ZonedDateTimeNow implements Snippet {
        public String run() {
            return ZonedDateTime.now(ZoneId.of("UTC")).toString(); // flagged: ZonedDateTimeNow
        }
    }

    @Expect(kind = WALL_CLOCK, call = "java.time.LocalDate.now()", replacement = "Workflow.currentTimeMillis()")
    public static class LocalDateNow implements Snippet {
        public String run() {
            return LocalDate.now().toString(); // flagged: LocalDateNow
        }
    }

    @Expect(kind = WALL_CLOCK, call = "java.time.OffsetDateTime.now()", replacement = "Workflow.currentTimeMillis()")
    public static class OffsetDateTimeNow implements Snippet {
        public String run() {
            return OffsetDateTime.now().toString(); // flagged: OffsetDateTimeNow
        }
    }

    @Expect(kind = WALL_CLOCK, call = "new java.util.Date()", replacement = "new Date(Workflow.currentTimeMillis())")
    public static class NewDate implements Snippet {
        public String run() {
            return new Date().toString(); // flagged: NewDate
        }
    }

    @Expect(kind = WALL_CLOCK, call = "java.time.Clock.systemUTC()", replacement = "Workflow.currentTimeMillis()")
    public static class ClockSystemUtc implements Snippet {
        public String run() {
            Clock clock = Clock.systemUTC(); // flagged: ClockSystemUtc
            return clock.toString();
        }
    }

    @Expect(kind = RANDOMNESS, call = "java.lang.Math.random()", replacement = "Workflow.newRandom()")
    public static class MathRandom implements Snippet {
        public String run() {
            return "r" + Math.random(); // flagged: MathRandom
        }
    }

    @Expect(kind = RANDOMNESS, call = "new java.util.Random()", replacement = "Workflow.newRandom()")
    public static class UnseededRandom implements Snippet {
        public String run() {
            return "r" + new Random().nextInt(); // flagged: UnseededRandom
        }
    }

    @Expect(kind = RANDOMNESS, call = "java.util.UUID.randomUUID()", replacement = "Workflow.randomUUID()")
    public static class RandomUuid implements Snippet {
        public String run() {
            return UUID.randomUUID().toString(); // flagged: RandomUuid
        }
    }

    @Expect(kind = RANDOMNESS, call = "new java.security.SecureRandom()", replacement = "Workflow.newRandom()")
    public static class NewSecureRandom implements Snippet {
        public String run() {
            return "r" + new SecureRandom().nextInt(); // flagged: NewSecureRandom
        }
    }

    @Expect(
            kind = RANDOMNESS,
            call = "java.util.concurrent.ThreadLocalRandom.current()",
            replacement = "Workflow.newRandom()")
    public static class ThreadLocalRandomCurrent implements Snippet {
        public String run() {
            return "r" + ThreadLocalRandom.current().nextInt(); // flagged: ThreadLocalRandomCurrent
        }
    }

    @Expect(
            kind = RANDOMNESS,
            call = "java.util.Collections.shuffle(List)",
            replacement = "Collections.shuffle(list, Workflow.newRandom())")
    public static class UnseededShuffle implements Snippet {
        public String run() {
            List<String> names = new ArrayList<>(List.of("a", "b", "c"));
            Collections.shuffle(names); // flagged: UnseededShuffle
            return names.toString();
        }
    }

    @Expect(kind = THREADS, call = "new java.lang.Thread(Runnable)", replacement = "Async.function/Async.procedure")
    public static class NewThread implements Snippet {
        public String run() {
            Thread t = new Thread(() -> {}); // flagged: NewThread
            return t.getName();
        }
    }

    @Expect(
            kind = THREADS,
            call = "java.lang.Thread.startVirtualThread(Runnable)",
            replacement = "Async.function/Async.procedure")
    public static class StartVirtualThread implements Snippet {
        public String run() {
            return Thread.startVirtualThread(() -> {}).getName(); // flagged: StartVirtualThread
        }
    }

    @Expect(
            kind = THREADS,
            call = "java.util.concurrent.Executors.newFixedThreadPool(int)",
            replacement = "Async.function/Async.procedure")
    public static class FixedThreadPool implements Snippet {
        public String run() {
            var pool = Executors.newFixedThreadPool(2); // flagged: FixedThreadPool
            return pool.toString();
        }
    }

    @Expect(
            kind = THREADS,
            call = "java.util.concurrent.CompletableFuture.supplyAsync(Supplier)",
            replacement = "Async.function/Async.procedure")
    public static class SupplyAsync implements Snippet {
        public String run() {
            return CompletableFuture.supplyAsync(() -> "x").toString(); // flagged: SupplyAsync
        }
    }

    @Expect(kind = THREADS, call = "java.util.List.parallelStream()", replacement = "stream() (sequential)")
    public static class ParallelStream implements Snippet {
        public String run() {
            return List.of("a", "b").parallelStream().toList().toString(); // flagged: ParallelStream
        }
    }

    @Expect(
            kind = THREADS,
            call = "io.perdura.sdk.internal.sandbox.NonDeterministicSnippets$OwnThread.start()",
            replacement = "Async.function/Async.procedure")
    public static class ThreadSubclassStarted implements Snippet {
        public String run() {
            new OwnThread().start(); // flagged: ThreadSubclassStarted
            return "started";
        }
    }

    static class OwnThread extends Thread {
        @Override
        public void run() {}
    }

    @Expect(kind = BLOCKING, call = "java.lang.Thread.sleep(long)", replacement = "Workflow.sleep(duration)")
    public static class ThreadSleep implements Snippet {
        public String run() throws InterruptedException {
            Thread.sleep(1_000); // flagged: ThreadSleep
            return "slept";
        }
    }

    @Expect(
            kind = BLOCKING,
            call = "java.util.concurrent.TimeUnit.sleep(long)",
            replacement = "Workflow.sleep(duration)")
    public static class TimeUnitSleep implements Snippet {
        public String run() throws InterruptedException {
            TimeUnit.SECONDS.sleep(1); // flagged: TimeUnitSleep
            return "slept";
        }
    }

    @Expect(kind = BLOCKING, call = "java.util.concurrent.CompletableFuture.get()", replacement = "Promise.get()")
    public static class FutureGet implements Snippet {
        public String run() throws Exception {
            return CompletableFuture.completedFuture("x").get(); // flagged: FutureGet
        }
    }

    @Expect(
            kind = BLOCKING,
            call = "new java.util.concurrent.locks.ReentrantLock()",
            replacement = "Workflow.await(condition)")
    public static class ReentrantLockUse implements Snippet {
        public String run() {
            ReentrantLock lock = new ReentrantLock(); // flagged: ReentrantLockUse
            return lock.toString();
        }
    }

    @Expect(
            kind = BLOCKING,
            call = "java.util.concurrent.CountDownLatch.await()",
            replacement = "Workflow.await(condition)")
    public static class LatchAwait implements Snippet {
        private final CountDownLatch latch = new CountDownLatch(1);

        public String run() throws InterruptedException {
            latch.await(); // flagged: LatchAwait
            return "released";
        }
    }

    @Expect(kind = SYNCHRONIZATION, call = "a synchronized block", replacement = "Workflow.await(condition)")
    public static class SynchronizedBlock implements Snippet {
        private final Object lock = new Object();
        private int count;

        public String run() {
            synchronized (lock) { // flagged: SynchronizedBlock
                count++;
            }
            return "n" + count;
        }
    }

    @Expect(
            kind = SYNCHRONIZATION,
            call =
                    "synchronized method io.perdura.sdk.internal.sandbox.NonDeterministicSnippets$SynchronizedMethod.run",
            replacement = "Workflow.await(condition)")
    public static class SynchronizedMethod implements Snippet {
        public synchronized String run() {
            return "locked"; // flagged: SynchronizedMethod
        }
    }

    @Expect(kind = SYNCHRONIZATION, call = "java.lang.Object.wait(long)", replacement = "Workflow.await(condition)")
    public static class ObjectWait implements Snippet {
        private final Object lock = new Object();

        public String run() throws InterruptedException {
            lock.wait(10); // flagged: ObjectWait
            return "woke";
        }
    }

    @Expect(kind = IO, call = "java.nio.file.Files.readString(Path)", replacement = "an activity")
    public static class FilesRead implements Snippet {
        public String run() throws Exception {
            return Files.readString(Path.of("orders.txt")); // flagged: FilesRead
        }
    }

    @Expect(kind = IO, call = "new java.io.FileInputStream(String)", replacement = "an activity")
    public static class FileStream implements Snippet {
        public String run() throws Exception {
            try (var in = new FileInputStream("orders.txt")) { // flagged: FileStream
                return "r" + in.read();
            }
        }
    }

    @Expect(kind = IO, call = "new java.net.Socket(String, int)", replacement = "an activity")
    public static class SocketConnect implements Snippet {
        public String run() throws Exception {
            try (var socket = new Socket("localhost", 7233)) { // flagged: SocketConnect
                return socket.toString();
            }
        }
    }

    @Expect(kind = IO, call = "java.net.http.HttpClient.newHttpClient()", replacement = "an activity")
    public static class JavaHttpClient implements Snippet {
        public String run() {
            return HttpClient.newHttpClient().toString(); // flagged: JavaHttpClient
        }
    }

    @Expect(kind = IO, call = "java.net.URL.openConnection()", replacement = "an activity")
    public static class UrlConnection implements Snippet {
        public String run() throws Exception {
            var url = URI.create("http://localhost:7233").toURL();
            return url.openConnection().toString(); // flagged: UrlConnection
        }
    }

    @Expect(kind = IO, call = "java.sql.DriverManager.getConnection(String)", replacement = "an activity")
    public static class Jdbc implements Snippet {
        public String run() throws Exception {
            return DriverManager.getConnection("jdbc:h2:mem:x").toString(); // flagged: Jdbc
        }
    }

    @Expect(kind = ENVIRONMENT, call = "java.lang.System.getenv(String)", replacement = "Workflow.sideEffect")
    public static class Getenv implements Snippet {
        public String run() {
            return System.getenv("HOME"); // flagged: Getenv
        }
    }

    @Expect(kind = ENVIRONMENT, call = "java.lang.System.getProperty(String)", replacement = "Workflow.sideEffect")
    public static class GetProperty implements Snippet {
        public String run() {
            return System.getProperty("user.name"); // flagged: GetProperty
        }
    }

    @Expect(kind = ENVIRONMENT, call = "java.time.ZoneId.systemDefault()", replacement = "ZoneOffset.UTC")
    public static class DefaultZone implements Snippet {
        public String run() {
            return ZoneId.systemDefault().getId(); // flagged: DefaultZone
        }
    }

    @Expect(
            kind = STATIC_STATE,
            call =
                    "a write of static field io.perdura.sdk.internal.sandbox.NonDeterministicSnippets$StaticCounter.runs",
            replacement = "an instance field")
    public static class StaticCounter implements Snippet {
        private static int runs;

        public String run() {
            runs++; // flagged: StaticCounter
            return "run " + runs;
        }
    }

    @Expect(kind = HASH_ITERATION, call = "java.util.HashMap.keySet()", replacement = "LinkedHashMap")
    public static class HashMapKeys implements Snippet {
        private final HashMap<String, Integer> counts = new HashMap<>();

        public String run() {
            StringBuilder b = new StringBuilder();
            for (String key : counts.keySet()) { // flagged: HashMapKeys
                b.append(key);
            }
            return b.toString();
        }
    }

    @Expect(kind = HASH_ITERATION, call = "java.util.Map.entrySet()", replacement = "TreeMap")
    public static class HashMapBehindMap implements Snippet {
        private final Map<String, Integer> counts = new HashMap<>();

        public String run() {
            StringBuilder b = new StringBuilder();
            for (var e : counts.entrySet()) { // flagged: HashMapBehindMap
                b.append(e.getKey());
            }
            return b.toString();
        }
    }

    @Expect(kind = HASH_ITERATION, call = "java.util.Set.iterator()", replacement = "LinkedHashSet")
    public static class LocalHashSet implements Snippet {
        public String run() {
            Set<String> seen = new HashSet<>();
            seen.add("a");
            StringBuilder b = new StringBuilder();
            for (String s : seen) { // flagged: LocalHashSet
                b.append(s);
            }
            return b.toString();
        }
    }

    @Expect(
            kind = WALL_CLOCK,
            call = "java.lang.System.currentTimeMillis()",
            replacement = "Workflow.currentTimeMillis()",
            method = "stamp",
            in = "NonDeterministicSnippets$Helpers")
    public static class ThroughAHelper implements Snippet {
        public String run() {
            return Helpers.stamp("order");
        }
    }

    @Expect(
            kind = WALL_CLOCK,
            call = "java.lang.System.nanoTime()",
            replacement = "Workflow.currentTimeMillis()",
            method = "stamp",
            in = "NonDeterministicSnippets$Stamps")
    public static class ThroughADefaultMethod implements Snippet, Stamps {
        public String run() {
            return stamp();
        }
    }

    /** An application interface whose default method a workflow inherits. */
    interface Stamps {
        default String stamp() {
            return "at " + System.nanoTime(); // flagged: ThroughADefaultMethod
        }
    }

    /** Application code a workflow calls: reached and analysed. */
    static final class Helpers {
        private Helpers() {}

        static String stamp(String what) {
            return what + "@" + System.currentTimeMillis(); // flagged: ThroughAHelper
        }
    }

    @Expect(
            kind = WALL_CLOCK,
            call = "java.lang.System.currentTimeMillis()",
            replacement = "Workflow.currentTimeMillis()",
            method = "lambda$run$0")
    public static class InALambda implements Snippet {
        public String run() {
            Supplier<Long> clock = () -> System.currentTimeMillis(); // flagged: InALambda
            return "at " + clock.get();
        }
    }

    @Expect(
            kind = WALL_CLOCK,
            call = "java.lang.System.currentTimeMillis()",
            replacement = "Workflow.currentTimeMillis()")
    public static class MethodReference implements Snippet {
        public String run() {
            Supplier<Long> clock = System::currentTimeMillis; // flagged: MethodReference
            return "at " + clock.get();
        }
    }

    @Expect(
            kind = RANDOMNESS,
            call = "java.lang.Math.random()",
            replacement = "Workflow.newRandom()",
            method = "get",
            in = "NonDeterministicSnippets$AnonymousClass$1")
    public static class AnonymousClass implements Snippet {
        public String run() {
            Supplier<Double> dice = new Supplier<>() {
                @Override
                public Double get() {
                    return Math.random(); // flagged: AnonymousClass
                }
            };
            return "r" + dice.get();
        }
    }
}
