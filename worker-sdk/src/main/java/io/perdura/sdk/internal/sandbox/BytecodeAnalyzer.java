package io.perdura.sdk.internal.sandbox;

import io.perdura.sdk.worker.SandboxFinding;
import io.perdura.sdk.worker.SandboxFinding.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Reads the bytecode of one workflow implementation class and of every application method it reaches
 * (see {@link ClassScope}), and reports the calls that break replay. Reached means: every method of the
 * workflow class and of its application superclasses; the application methods they call (resolved up the
 * superclasses); the bodies of lambdas and method references they create; and every method of an
 * application class they instantiate (anonymous classes and callbacks are called through interfaces
 * the analysis cannot follow). A lambda or method reference written as the argument of {@code
 * Workflow.sideEffect} is not read: it runs once and history records its result. Code allowed by {@link io.perdura.sdk.workflow.AllowNonDeterministic} or
 * the {@link AllowList} is neither reported nor followed.
 */
final class BytecodeAnalyzer {

    private static final String ALLOW_ANNOTATION = "Lio/perdura/sdk/workflow/AllowNonDeterministic;";
    private static final Set<String> HASH_TYPES = Set.of("java/util/HashMap", "java/util/HashSet");
    private static final Set<String> VIEW_TYPES = Set.of(
            "java/util/Map",
            "java/util/Set",
            "java/util/Collection",
            "java/util/Iterable",
            "java/util/AbstractMap",
            "java/util/AbstractSet",
            "java/util/AbstractCollection");
    private static final Set<String> ITERATIONS =
            Set.of("keySet", "values", "entrySet", "forEach", "iterator", "spliterator", "stream", "toArray");
    private static final String ORDERED = "LinkedHashMap/LinkedHashSet (insertion order) or TreeMap/TreeSet (sorted)";

    private record MethodRef(String owner, String name, String desc) {}

    private final ClassScope scope;
    private final AllowList allowList;
    private final CallRules rules = CallRules.DEFAULT;
    private final Deque<MethodRef> queue = new ArrayDeque<>();
    private final Set<MethodRef> seen = new HashSet<>();
    private final Set<String> instantiated = new HashSet<>();
    private final Set<SandboxFinding> findings = new LinkedHashSet<>();
    private int methodsRead;

    private BytecodeAnalyzer(Class<?> root, AllowList allowList) {
        this.scope = new ClassScope(root);
        this.allowList = allowList;
    }

    /** What the sandbox finds in {@code workflowClass} and the application code it reaches. */
    static Result analyse(Class<?> workflowClass, AllowList allowList) {
        BytecodeAnalyzer analyzer = new BytecodeAnalyzer(workflowClass, allowList);
        for (Class<?> c = workflowClass; c != null; c = c.getSuperclass()) {
            String name = ClassScope.internalName(c);
            if (c != workflowClass && !analyzer.scope.isApp(name)) {
                break;
            }
            analyzer.enqueueAll(name);
        }
        analyzer.drain();
        return new Result(List.copyOf(analyzer.findings), analyzer.methodsRead);
    }

    /** The findings and how many methods were read to find them. */
    record Result(List<SandboxFinding> findings, int methodsRead) {}

    private void enqueueAll(String owner) {
        if (!instantiated.add(owner)) {
            return;
        }
        ClassNode node = scope.node(owner);
        if (node != null) {
            for (MethodNode m : node.methods) {
                if ((m.access & Opcodes.ACC_SYNTHETIC) == 0 || !m.name.startsWith("lambda$")) {
                    enqueue(new MethodRef(owner, m.name, m.desc)); // lambda bodies: only where they are created
                }
            }
        }
    }

    private void enqueue(MethodRef ref) {
        if (seen.add(ref)) {
            queue.add(ref);
        }
    }

    private void drain() {
        while (!queue.isEmpty()) {
            MethodRef ref = queue.poll();
            ClassNode node = scope.node(ref.owner());
            if (node == null) {
                continue;
            }
            for (MethodNode m : node.methods) {
                if (m.name.equals(ref.name()) && m.desc.equals(ref.desc())) {
                    analyse(node, m);
                }
            }
        }
    }

    private void analyse(ClassNode owner, MethodNode method) {
        if ((method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                || allowed(owner, method)
                || allowList.allows(dots(owner.name), method.name)) {
            return;
        }
        methodsRead++;
        Site site = new Site(owner, method);
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            site.line = firstLine(method);
            site.report(
                    Kind.SYNCHRONIZATION, "synchronized method " + dots(owner.name) + "." + method.name, AWAIT_FREE);
        }
        Set<Integer> hashLocals = new HashSet<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            switch (insn) {
                case LineNumberNode line -> site.line = line.line;
                case MethodInsnNode call -> {
                    call(site, call.owner, call.name, call.desc, receiverIsHash(owner, previous(insn), hashLocals));
                    if (call.name.equals("<init>")
                            && HASH_TYPES.contains(call.owner)
                            && next(insn) instanceof VarInsnNode store
                            && store.getOpcode() == Opcodes.ASTORE) {
                        hashLocals.add(store.var);
                    }
                }
                case InvokeDynamicInsnNode indy -> {
                    if (indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                            && indy.bsmArgs.length > 1
                            && indy.bsmArgs[1] instanceof Handle target
                            && !recordedBySideEffect(insn)) {
                        call(site, target.getOwner(), target.getName(), target.getDesc(), false);
                    }
                }
                case FieldInsnNode field -> {
                    if (field.getOpcode() == Opcodes.PUTSTATIC
                            && !method.name.equals("<clinit>")
                            && scope.isApp(field.owner)) {
                        site.report(
                                Kind.STATIC_STATE,
                                "a write of static field " + dots(field.owner) + "." + field.name,
                                "an instance field of the workflow (each run has its own instance), or a"
                                        + " static final constant");
                    }
                }
                default -> {
                    if (insn.getOpcode() == Opcodes.MONITORENTER) {
                        site.report(Kind.SYNCHRONIZATION, "a synchronized block", AWAIT_FREE);
                    }
                }
            }
        }
    }

    private static final String AWAIT_FREE =
            "no lock: workflow code runs one coroutine at a time;" + " wait with Workflow.await(condition)";

    private void call(Site site, String owner, String name, String desc, boolean hashReceiver) {
        if (owner.startsWith("[") || allowList.allows(dots(owner), name)) {
            return;
        }
        CallRules.Rule rule = rules.match(owner, name, desc);
        if (rule != null) {
            site.report(rule.kind(), display(owner, name, desc), rule.replacement());
            return;
        }
        if (ITERATIONS.contains(name) && (HASH_TYPES.contains(owner) || hashReceiver && VIEW_TYPES.contains(owner))) {
            site.report(Kind.HASH_ITERATION, display(owner, name, desc), ORDERED);
            return;
        }
        if (!scope.isApp(owner)) {
            return;
        }
        if (name.equals("<init>")) {
            enqueueAll(owner);
        }
        String declaring = owner;
        List<String> interfaces = new ArrayList<>();
        while (declaring != null && scope.isApp(declaring)) {
            ClassNode node = scope.node(declaring);
            if (node == null) {
                return;
            }
            if (declares(node, name, desc)) {
                enqueue(new MethodRef(declaring, name, desc));
                return;
            }
            interfaces.addAll(node.interfaces);
            declaring = node.superName;
        }
        if (enqueueDefaultMethod(interfaces, name, desc)) {
            return;
        }
        if (declaring != null) {
            // inherited from a library or JDK class (a Thread subclass's start …)
            CallRules.Rule inherited = rules.match(declaring, name, desc);
            if (inherited != null) {
                site.report(inherited.kind(), display(owner, name, desc), inherited.replacement());
            }
        }
    }

    /** Follows the default method {@code name desc} of the first application interface (or super-interface) declaring it. */
    private boolean enqueueDefaultMethod(List<String> interfaces, String name, String desc) {
        Deque<String> pending = new ArrayDeque<>(interfaces);
        Set<String> visited = new HashSet<>();
        while (!pending.isEmpty()) {
            String iface = pending.poll();
            if (!visited.add(iface) || !scope.isApp(iface)) {
                continue;
            }
            ClassNode node = scope.node(iface);
            if (node == null) {
                continue;
            }
            if (declares(node, name, desc)) {
                enqueue(new MethodRef(iface, name, desc));
                return true;
            }
            pending.addAll(node.interfaces);
        }
        return false;
    }

    /** A lambda handed straight to Workflow.sideEffect: it runs once and history records its result. */
    private static boolean recordedBySideEffect(AbstractInsnNode lambda) {
        return next(lambda) instanceof MethodInsnNode call
                && call.owner.equals("io/perdura/sdk/workflow/Workflow")
                && call.name.equals("sideEffect");
    }

    private static boolean declares(ClassNode node, String name, String desc) {
        for (MethodNode m : node.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the receiver was loaded straight from a field or local known to hold a HashMap or HashSet. */
    private boolean receiverIsHash(ClassNode owner, AbstractInsnNode before, Set<Integer> hashLocals) {
        if (before instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
            return hashLocals.contains(load.var);
        }
        if (before instanceof FieldInsnNode get
                && (get.getOpcode() == Opcodes.GETFIELD || get.getOpcode() == Opcodes.GETSTATIC)) {
            return hashField(
                    get.owner.equals(owner.name) ? owner : scope.isApp(get.owner) ? scope.node(get.owner) : null, get);
        }
        return false;
    }

    /** A field declared as HashMap/HashSet, or one its class assigns a new HashMap/HashSet to. */
    private static boolean hashField(ClassNode node, FieldInsnNode get) {
        if (HASH_TYPES.contains(Type.getType(get.desc).getInternalName())) {
            return true;
        }
        if (node == null) {
            return false;
        }
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof MethodInsnNode init
                        && init.name.equals("<init>")
                        && HASH_TYPES.contains(init.owner)
                        && next(insn) instanceof FieldInsnNode put
                        && (put.getOpcode() == Opcodes.PUTFIELD || put.getOpcode() == Opcodes.PUTSTATIC)
                        && put.name.equals(get.name)
                        && put.owner.equals(get.owner)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode p = insn.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }

    private static boolean allowed(ClassNode owner, MethodNode method) {
        return hasAllow(method.visibleAnnotations) || hasAllow(owner.visibleAnnotations);
    }

    private static boolean hasAllow(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (a.desc.equals(ALLOW_ANNOTATION)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int firstLine(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return -1;
    }

    static String dots(String internalName) {
        return internalName.replace('/', '.');
    }

    /** {@code java.lang.Thread.sleep(long)}, {@code new java.util.Random()}. */
    static String display(String owner, String name, String desc) {
        StringBuilder b = new StringBuilder();
        if (name.equals("<init>")) {
            b.append("new ").append(dots(owner));
        } else {
            b.append(dots(owner)).append('.').append(name);
        }
        b.append('(');
        Type[] args = Type.getArgumentTypes(desc);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].getClassName();
            b.append(i > 0 ? ", " : "").append(arg.substring(arg.lastIndexOf('.') + 1));
        }
        return b.append(')').toString();
    }

    /** Where the instructions being read are. */
    private final class Site {
        private final ClassNode owner;
        private final MethodNode method;
        private int line = -1;

        Site(ClassNode owner, MethodNode method) {
            this.owner = owner;
            this.method = method;
        }

        void report(Kind kind, String call, String replacement) {
            findings.add(
                    new SandboxFinding(kind, dots(owner.name), method.name, owner.sourceFile, line, call, replacement));
        }
    }
}
